package com.paystatus.subscription;

import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.ProofOfWork;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The subscription pages. The form on the public pages posts here without a CSRF token (those pages are
 * cached and shared); the double opt-in and the per-network limit keep it from being abused (past the
 * limit the answer is the same form with a proof-of-work challenge, solved in the browser). The
 * confirm and unsubscribe links work without signing in; a GET on the unsubscribe link only shows a
 * button, so that link scanners unsubscribe nobody, while a POST (the button, or a mail client's RFC
 * 8058 {@code List-Unsubscribe=One-Click}) unsubscribes at once.
 */
@Controller
class SubscriptionPagesController {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SubscriptionService subscriptions;
    private final SubscribeLimits limits;
    private final ProofOfWork proofOfWork;
    private final tools.jackson.databind.json.JsonMapper json;

    SubscriptionPagesController(
            SubscriptionService subscriptions,
            SubscribeLimits limits,
            ProofOfWork proofOfWork,
            tools.jackson.databind.json.JsonMapper json) {
        this.subscriptions = subscriptions;
        this.limits = limits;
        this.proofOfWork = proofOfWork;
        this.json = json;
    }

    @PostMapping("/subscriptions")
    String subscribe(
            @RequestParam(required = false) String email,
            @RequestParam(required = false) List<String> channels,
            @RequestParam(required = false) String once,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) Long notice,
            @RequestParam(required = false) String altcha,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!subscriptions.emailOffered()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error/404";
        }
        SubscribeRequest command =
                new SubscribeRequest(email, channels, "true".equals(once) || "on".equals(once), lang, notice, altcha);
        if (!limits.tryAcquire(request.getRemoteAddr()) && !proofOfWork.accept(altcha)) {
            // past the network's limit: the same form again, with a challenge that pow.js solves and sends
            response.setStatus(429);
            model.addAttribute("problem", "subscribe.challenge");
            model.addAttribute("command", command);
            model.addAttribute("challenge", json.writeValueAsString(proofOfWork.challenge()));
            return "subscriptions/form";
        }
        try {
            subscriptions.subscribe(command);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("violations", e.violations());
            model.addAttribute("command", command);
            return "subscriptions/form";
        }
        return "redirect:/subscriptions/requested" + ("en".equals(lang) ? "?lang=en" : "");
    }

    @GetMapping("/subscriptions/requested")
    String requested() {
        return "subscriptions/requested";
    }

    @GetMapping("/subscriptions/{token}/confirm")
    String confirm(@PathVariable String token, HttpServletResponse response) {
        if (TOKEN.matcher(token).matches() && subscriptions.confirm(token).isPresent()) {
            return "subscriptions/confirmed";
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "subscriptions/expired";
    }

    @GetMapping("/subscriptions/{token}/unsubscribe")
    String unsubscribePage(@PathVariable String token, Model model) {
        boolean known = TOKEN.matcher(token).matches() && subscriptions.known(token);
        model.addAttribute("token", known ? token : null);
        return known ? "subscriptions/unsubscribe" : "subscriptions/unsubscribed";
    }

    /** The page's button and RFC 8058 one-click alike; an unknown link is already unsubscribed. */
    @PostMapping("/subscriptions/{token}/unsubscribe")
    String unsubscribe(@PathVariable String token) {
        if (TOKEN.matcher(token).matches()) {
            subscriptions.unsubscribe(token);
        }
        return "subscriptions/unsubscribed";
    }
}

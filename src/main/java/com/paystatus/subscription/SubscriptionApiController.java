package com.paystatus.subscription;

import com.paystatus.shared.ProofOfWork;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/subscriptions}: the page's form as JSON. The answer is 202 and the same whether or
 * not the address was known or a mail went out; only bad input (400) and too many requests from one
 * network (429) are told apart. Past the network's limit the 429 carries a proof-of-work
 * {@code challenge} (ALTCHA's fields); the same request with {@code "altcha"}, the solved payload, is
 * taken, each solution once.
 */
@RestController
class SubscriptionApiController {

    private final SubscriptionService subscriptions;
    private final SubscribeLimits limits;
    private final MessageSource messages;
    private final ProofOfWork proofOfWork;

    SubscriptionApiController(
            SubscriptionService subscriptions,
            SubscribeLimits limits,
            MessageSource messages,
            ProofOfWork proofOfWork) {
        this.subscriptions = subscriptions;
        this.limits = limits;
        this.messages = messages;
        this.proofOfWork = proofOfWork;
    }

    @PostMapping("/api/subscriptions")
    ResponseEntity<Map<String, String>> subscribe(
            @RequestBody SubscribeRequest body, HttpServletRequest request, Locale locale) {
        if (!limits.tryAcquire(request.getRemoteAddr()) && !proofOfWork.accept(body.altcha())) {
            throw new TooManySubscriptionsException();
        }
        subscriptions.subscribe(body);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("message", messages.getMessage("subscribe.requested", null, locale)));
    }

    @ExceptionHandler(TooManySubscriptionsException.class)
    ResponseEntity<ProblemDetail> tooMany(Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS, messages.getMessage("subscribe.tooMany", null, locale));
        problem.setTitle(messages.getMessage("error.tooManyRequests.title", null, locale));
        problem.setProperty("challenge", proofOfWork.challenge());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", "3600")
                .body(problem);
    }
}

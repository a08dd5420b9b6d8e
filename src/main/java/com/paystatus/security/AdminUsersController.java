package com.paystatus.security;

import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.PayStatusProperties;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins manage people and API tokens from the admin pages. A generated password or a new token is
 * shown once, in the flash after the redirect, and never again.
 */
@Controller
class AdminUsersController {

    private final UserService users;
    private final ApiTokenService tokens;
    private final MessageSource messages;
    private final ZoneId zone;

    AdminUsersController(
            UserService users, ApiTokenService tokens, MessageSource messages, PayStatusProperties properties) {
        this.users = users;
        this.tokens = tokens;
        this.messages = messages;
        this.zone = properties.zone();
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", users.all());
        model.addAttribute("roles", Role.FOR_PEOPLE);
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String role,
            RedirectAttributes redirect) {
        try {
            UserService.WithPassword created = users.create(username, role);
            redirect.addFlashAttribute("flash", "flash.userCreated");
            redirect.addFlashAttribute("secretFor", created.user().username());
            redirect.addFlashAttribute("secret", created.password());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", sentence(e));
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/role")
    String role(
            @PathVariable String username,
            @RequestParam(defaultValue = "") String role,
            Principal me,
            RedirectAttributes redirect) {
        return act(redirect, "flash.userSaved", () -> users.changeRole(username, role, me.getName()));
    }

    @PostMapping("/admin/users/{username}/disable")
    String disable(@PathVariable String username, Principal me, RedirectAttributes redirect) {
        return act(redirect, "flash.userSaved", () -> users.setEnabled(username, false, me.getName()));
    }

    @PostMapping("/admin/users/{username}/enable")
    String enable(@PathVariable String username, Principal me, RedirectAttributes redirect) {
        return act(redirect, "flash.userSaved", () -> users.setEnabled(username, true, me.getName()));
    }

    @PostMapping("/admin/users/{username}/password")
    String reset(@PathVariable String username, RedirectAttributes redirect) {
        UserService.WithPassword reset = users.resetPassword(username);
        redirect.addFlashAttribute("flash", "flash.passwordReset");
        redirect.addFlashAttribute("secretFor", reset.user().username());
        redirect.addFlashAttribute("secret", reset.password());
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.all());
        model.addAttribute("roles", Role.values());
        return "admin/tokens";
    }

    @PostMapping("/admin/tokens")
    String createToken(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(required = false) LocalDate expiresOn,
            Principal me,
            RedirectAttributes redirect) {
        try {
            ApiTokenService.Created created = tokens.create(
                    name,
                    role,
                    expiresOn == null ? null : expiresOn.atStartOfDay(zone).toInstant(),
                    me.getName());
            redirect.addFlashAttribute("flash", "flash.tokenCreated");
            redirect.addFlashAttribute("secretFor", created.token().name());
            redirect.addFlashAttribute("secret", created.secret());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", sentence(e));
        }
        return "redirect:/admin/tokens";
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Principal me, RedirectAttributes redirect) {
        tokens.revoke(id, me.getName());
        redirect.addFlashAttribute("flash", "flash.tokenRevoked");
        return "redirect:/admin/tokens";
    }

    private String act(RedirectAttributes redirect, String flash, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", flash);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", sentence(e));
        }
        return "redirect:/admin/users";
    }

    private String sentence(InvalidInputException e) {
        var v = e.violations().get(0);
        return messages.getMessage(v.messageKey(), v.args(), LocaleContextHolder.getLocale());
    }
}

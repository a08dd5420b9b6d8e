package com.paystatus.security;

import com.paystatus.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A signed-in person changes their own password; one who signed in with a generated password is sent
 * here first. A change ends every session of the account, this one included: sign in again.
 */
@Controller
class AccountController {

    private final UserService users;
    private final MessageSource messages;

    AccountController(UserService users, MessageSource messages) {
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    String form(Principal me, Model model) {
        model.addAttribute("username", me.getName());
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword,
            Principal me,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new InvalidInputException("confirmPassword", "validation.password.mismatch");
            }
            users.changeOwnPassword(me.getName(), currentPassword, newPassword);
        } catch (InvalidInputException e) {
            var v = e.violations().get(0);
            model.addAttribute("username", me.getName());
            model.addAttribute("error", messages.getMessage(v.messageKey(), v.args(), LocaleContextHolder.getLocale()));
            return "account/password";
        }
        new SecurityContextLogoutHandler()
                .logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/login?changed";
    }
}

package com.paystatus.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; after a throttled attempt it says how long to wait. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        if (session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)
                        instanceof LoginThrottledException throttled) {
            model.addAttribute("throttleMessage", throttled.locked() ? "login.locked" : "login.slowDown");
            model.addAttribute("throttleMinutes", throttled.minutes());
        }
        return "login";
    }
}

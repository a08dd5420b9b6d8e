package com.paystatus.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login form; after a throttled attempt it says how long to wait. The wait comes in the redirect's
 * query ({@code ?error&wait=seconds} or {@code ?error&locked=minutes}, see {@link SecurityConfig}),
 * not from a session: showing the form creates no session (and its CSRF token lives in a cookie).
 */
@Controller
class LoginController {

    private static final long MAX_SHOWN = 24 * 60 * 60;

    @GetMapping("/login")
    String login(@RequestParam(required = false) Long wait, @RequestParam(required = false) Long locked, Model model) {
        if (locked != null && locked > 0 && locked <= MAX_SHOWN) {
            model.addAttribute("throttleMessage", "login.locked");
            model.addAttribute("throttleAmount", locked);
        } else if (wait != null && wait > 0 && wait <= MAX_SHOWN) {
            model.addAttribute("throttleMessage", "login.slowDown");
            model.addAttribute("throttleAmount", wait);
        }
        return "login";
    }

    /** Where the login form sends a refused sign-in. */
    static String failureTarget(Exception refused) {
        if (refused instanceof LoginThrottledException throttled) {
            return throttled.locked()
                    ? "/login?error&locked=" + throttled.minutes()
                    : "/login?error&wait=" + throttled.seconds();
        }
        return "/login?error";
    }
}

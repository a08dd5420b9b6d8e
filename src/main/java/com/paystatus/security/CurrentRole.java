package com.paystatus.security;

import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells templates the signed-in person's role ({@code adminRole}), so pages offer only what it allows. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class CurrentRole {

    @ModelAttribute("adminRole")
    String adminRole(Principal principal) {
        if (principal instanceof Authentication auth && auth.getPrincipal() instanceof AppPrincipal p) {
            return p.role().code();
        }
        return null;
    }
}

package com.paystatus.report;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/** Reads and sets the "reported" cookie of a channel: HttpOnly, SameSite=Lax, Secure over HTTPS. */
final class ReportCookies {

    private ReportCookies() {}

    static String read(HttpServletRequest request, String slug) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        String name = ReportGate.cookieName(slug);
        for (Cookie c : cookies) {
            if (name.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    static void set(
            HttpServletRequest request,
            HttpServletResponse response,
            String slug,
            ReportService.Taken taken,
            long seconds) {
        if (taken.cookie() == null) {
            return;
        }
        ResponseCookie cookie = ResponseCookie.from(ReportGate.cookieName(slug), taken.cookie())
                .path("/")
                .maxAge(seconds)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}

package com.paystatus.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses a request whose path, query string or form fields carry a character that {@link
 * InputText} refuses, before anything reads them: 400, and nothing changes. The admin API answers a
 * problem document naming the field; pages answer the 400 error page. It runs after the public page
 * cache (whose known pages ignore the query string) and before Spring Security, so that even the
 * sign-in form's user name never reaches the database with a NUL in it. JSON bodies are checked
 * as they are read, by {@link StrictJson}.
 */
class InputTextFilter extends OncePerRequestFilter {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ProblemWriter problems;

    InputTextFilter(MessageSource messages, LocaleResolver locales, ProblemWriter problems) {
        this.messages = messages;
        this.locales = locales;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refused = refusedField(request);
        if (refused == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getRequestURI().startsWith("/api/")) {
            var locale = locales.resolveLocale(request);
            problems.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    messages.getMessage("problem.invalid.title", null, locale),
                    messages.getMessage("problem.invalid.detail", null, locale),
                    List.of(Map.of(
                            "field", refused, "message", messages.getMessage("validation.characters", null, locale))));
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }

    /** The name of the first part of the request that carries a refused character, or null. */
    private static String refusedField(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!InputText.acceptable(path)) {
            return "path";
        }
        boolean form = "POST".equals(request.getMethod())
                && request.getContentType() != null
                && request.getContentType().startsWith("application/x-www-form-urlencoded");
        if (request.getQueryString() == null && !form) {
            return null;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!InputText.acceptable(parameter.getKey())) {
                return "parameter";
            }
            for (String value : parameter.getValue()) {
                if (!InputText.acceptable(value)) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }
}

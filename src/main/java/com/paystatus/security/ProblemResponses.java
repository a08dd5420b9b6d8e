package com.paystatus.security;

import com.paystatus.shared.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API's refusals as problem documents in the caller's language: 401 without (valid)
 * credentials, 429 while sign-in is throttled, 403 when the role does not allow the action.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ProblemResponses(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (exception instanceof LoginThrottledException throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.seconds()));
            write(
                    request,
                    response,
                    429,
                    "problem.throttled.title",
                    throttled.locked() ? "login.locked" : "login.slowDown",
                    throttled.locked() ? throttled.minutes() : throttled.seconds());
            return;
        }
        if (exception instanceof InternalAuthenticationServiceException) {
            // credentials could not even be checked: the database is out of reach, not the caller wrong
            response.setHeader("Retry-After", "30");
            write(request, response, 503, "problem.unavailable.title", "problem.unavailable.detail");
            return;
        }
        response.addHeader("WWW-Authenticate", "Basic realm=\"PayStatus admin API\"");
        response.addHeader("WWW-Authenticate", "Bearer realm=\"PayStatus admin API\"");
        write(request, response, 401, "problem.unauthorized.title", "problem.unauthorized.detail");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(request, response, 403, "problem.forbidden.title", "problem.forbidden.detail");
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String titleKey,
            String detailKey,
            Object... args)
            throws IOException {
        var locale = locales.resolveLocale(request);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var problem = ProblemWriter.problem(
                HttpStatus.valueOf(status),
                messages.getMessage(titleKey, null, locale),
                messages.getMessage(detailKey, args, locale),
                null);
        problem.put("instance", request.getRequestURI());
        json.writeValue(response.getOutputStream(), problem);
    }
}

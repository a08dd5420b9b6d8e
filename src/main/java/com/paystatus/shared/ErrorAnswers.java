package com.paystatus.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error dispatch ({@code /error}), which answers whatever never reached a controller: an unknown
 * address, a method the address does not take, a request refused by Tomcat or Spring Security.
 * Under {@code /api/} the answer is always a problem document ({@code application/problem+json}),
 * whatever the client accepts; elsewhere the error pages answer as before.
 */
@Controller
class ErrorAnswers extends BasicErrorController {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ErrorAnswers(
            ErrorAttributes attributes,
            WebProperties web,
            List<ErrorViewResolver> views,
            MessageSource messages,
            LocaleResolver locales,
            JsonMapper json) {
        super(attributes, web.getError(), views);
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!underApi(request)) {
            return super.errorHtml(request, response);
        }
        Map<String, Object> problem = problem(request);
        View body = (model, req, res) -> {
            res.setStatus((Integer) problem.get("status"));
            res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            res.setCharacterEncoding("UTF-8");
            res.getWriter().write(json.writeValueAsString(problem));
        };
        return new ModelAndView(body);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (!underApi(request)) {
            return super.error(request);
        }
        Map<String, Object> problem = problem(request);
        return ResponseEntity.status((Integer) problem.get("status"))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private Map<String, Object> problem(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status.value() < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        var locale = locales.resolveLocale(request);
        String detailKey = "problem.status." + status.value();
        return ProblemWriter.problem(
                status,
                messages.getMessage(titleKey(status), null, locale),
                messages.getMessage(detailKey, null, messages.getMessage("problem.status.other", null, locale), locale),
                null);
    }

    /** The localized title of a problem with this status. */
    static String titleKey(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "problem.invalid.title";
            case 401 -> "problem.unauthorized.title";
            case 403 -> "problem.forbidden.title";
            case 404 -> "problem.notFound.title";
            case 409 -> "problem.conflict.title";
            case 413 -> "problem.tooLarge.title";
            case 429 -> "problem.throttled.title";
            case 503 -> "problem.unavailable.title";
            default -> status.is4xxClientError() ? "problem.request.title" : "problem.internal.title";
        };
    }

    private static boolean underApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String path && path.startsWith("/api/");
    }
}

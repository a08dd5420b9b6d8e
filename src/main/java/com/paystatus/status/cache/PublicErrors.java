package com.paystatus.status.cache;

import com.paystatus.shared.ProblemWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few answers the public page cache gives itself, without the application: "cannot show this
 * page right now" (503) when a page has never rendered, and "too many requests" (429) for a network
 * over its cap. Plain and in the reader's language: a problem document for the JSON API, a small
 * page otherwise; never an exception's text.
 */
final class PublicErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Seconds after which a page that could not be rendered is worth asking for again. */
    static final int UNAVAILABLE_RETRY_SECONDS = 30;

    private final MessageSource messages;

    PublicErrors(MessageSource messages) {
        this.messages = messages;
    }

    void unavailable(String path, Locale locale, HttpServletResponse response) throws IOException {
        write(
                path,
                locale,
                response,
                HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                UNAVAILABLE_RETRY_SECONDS,
                "error.pageUnavailable");
    }

    void tooManyRequests(String path, Locale locale, HttpServletResponse response) throws IOException {
        write(path, locale, response, 429, 1, "error.tooManyRequests");
    }

    private void write(String path, Locale locale, HttpServletResponse response, int status, int retryAfter, String key)
            throws IOException {
        String title = messages.getMessage(key + ".title", null, locale);
        String text = messages.getMessage(key + ".text", null, locale);
        byte[] body;
        String type;
        if (path.startsWith("/api/")) {
            body = JSON.writeValueAsBytes(ProblemWriter.problem(HttpStatus.valueOf(status), title, text, null));
            type = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
        } else {
            String lang = "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
            String home = "en".equals(locale.getLanguage()) ? "/?lang=en" : "/";
            body = ("<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                            + "<title>" + HtmlUtils.htmlEscape(title) + "</title></head><body><main><h1>"
                            + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(text)
                            + "</p><p><a href=\"" + home + "\">"
                            + HtmlUtils.htmlEscape(messages.getMessage("error.notFound.back", null, locale))
                            + "</a></p></main></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            type = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";
        }
        response.setStatus(status);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfter));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(type);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

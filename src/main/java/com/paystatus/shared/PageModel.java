package com.paystatus.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the path for the language switch, the query that keeps English
 * pages in English when following links, and the zone times are shown in.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    private final PayStatusProperties properties;
    private final Markdown markdown;
    private final PageStyle pageStyle;

    PageModel(PayStatusProperties properties, Markdown markdown, PageStyle pageStyle) {
        this.properties = properties;
        this.markdown = markdown;
        this.pageStyle = pageStyle;
    }

    /** For {@code th:utext}, where Thymeleaf allows no bean reference: {@code ${markdown.html(text)}}. */
    @ModelAttribute("markdown")
    Markdown markdown() {
        return markdown;
    }

    /** The stylesheet the public layout carries inline (see {@link PageStyle}). */
    @ModelAttribute("pageStyle")
    PageStyle pageStyle() {
        return pageStyle;
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("langQuery")
    String langQuery(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "?lang=en" : "";
    }

    @ModelAttribute("recentDays")
    int recentDays() {
        return properties.recentDays();
    }

    @ModelAttribute("zoneName")
    String zoneName() {
        return properties.zone().getId();
    }
}

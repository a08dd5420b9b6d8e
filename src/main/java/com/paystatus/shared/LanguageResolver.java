package com.paystatus.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Chinese unless the page is asked for in English, by {@code ?lang=en} or by the browser's
 * preferred languages. Keeping the choice in the URL rather than a cookie keeps every page
 * shareable and cacheable as it is.
 */
class LanguageResolver implements LocaleResolver {

    static final Locale CHINESE = LanguageTag.CHINESE;
    static final Locale ENGLISH = LanguageTag.ENGLISH;

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if (lang != null) {
            if (lang.toLowerCase(Locale.ROOT).startsWith("en")) {
                return ENGLISH;
            }
            if (lang.toLowerCase(Locale.ROOT).startsWith("zh")) {
                return CHINESE;
            }
        }
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return CHINESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String language = range.getRange().toLowerCase(Locale.ROOT);
                if (language.startsWith("zh")) {
                    return CHINESE;
                }
                if (language.startsWith("en")) {
                    return ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return CHINESE;
        }
        return CHINESE;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language is chosen with ?lang=");
    }
}

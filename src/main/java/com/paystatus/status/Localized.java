package com.paystatus.status;

import java.util.Locale;

/** Picks the Chinese or English variant of an operator-written text for a page's language. */
public final class Localized {

    private Localized() {}

    public static String pick(Locale locale, String zh, String en) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        if (english && en != null && !en.isBlank()) {
            return en;
        }
        return zh;
    }
}

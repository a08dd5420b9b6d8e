package com.paystatus.shared;

import java.util.Locale;

/**
 * A text an operator wrote in Chinese and maybe in English, as one reader gets it: the English text
 * on an English page where written, otherwise the Chinese one, then with {@code lang} set so the
 * element carrying it can say {@code lang="zh-CN"} (screen readers and fonts need it).
 *
 * @param lang the text's language when it differs from the page's, else null
 */
public record LocalizedText(String text, String lang) {

    public static final String CHINESE_TAG = "zh-CN";

    /** The text for a reader of {@code locale}: English where written, else the Chinese, marked. */
    public static LocalizedText pick(Locale locale, String zh, String en) {
        if (!english(locale)) {
            return new LocalizedText(zh, null);
        }
        return en != null && !en.isBlank()
                ? new LocalizedText(en, null)
                : new LocalizedText(zh, zh == null ? null : CHINESE_TAG);
    }

    public static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** Blank English text is "not written": stored as null. */
    public static String optional(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @Override
    public String toString() {
        return text;
    }
}

package com.paystatus.shared;

import java.util.Locale;

/** The two languages pages are written in. */
public final class LanguageTag {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private LanguageTag() {}
}

package com.paystatus.shared;

/**
 * Which characters a text from outside may carry: letters, digits, punctuation and symbols of every
 * script, spaces, tabs and line breaks. Refused are NUL and the other C0 and C1 control characters,
 * DEL, Unicode non-characters (U+FDD0–U+FDEF and every U+xxFFFE, U+xxFFFF) and lone surrogates:
 * PostgreSQL cannot store NUL, XML (feeds, badges) cannot carry most of them, and none of them is
 * anything a person meant to type. The same rule guards forms, query strings and JSON bodies (see
 * {@link InputTextFilter} and {@link StrictJson}), so H2 and PostgreSQL see the same input.
 */
public final class InputText {

    private InputText() {}

    /** The index of the first character that is refused, or -1 when the whole text is acceptable. */
    public static int firstRefused(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) { // plain ASCII, the common case
                i++;
                continue;
            }
            int codePoint;
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, text.charAt(i + 1));
            } else if (Character.isSurrogate(c)) {
                return i; // a surrogate without its partner
            } else {
                codePoint = c;
            }
            if (refused(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }

    public static boolean acceptable(CharSequence text) {
        return text == null || firstRefused(text) < 0;
    }

    /** The refused character at {@code index}, written as {@code U+0001} for an error message. */
    public static String describe(CharSequence text, int index) {
        int codePoint = Character.codePointAt(text, index);
        return String.format("U+%04X", codePoint);
    }

    private static boolean refused(int codePoint) {
        if (codePoint < 0x20) {
            return codePoint != '\t' && codePoint != '\n' && codePoint != '\r';
        }
        return (codePoint >= 0x7F && codePoint <= 0x9F)
                || (codePoint >= 0xFDD0 && codePoint <= 0xFDEF)
                || (codePoint & 0xFFFE) == 0xFFFE;
    }
}

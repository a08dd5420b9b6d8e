package com.paystatus.shared;

/**
 * Text as XML 1.0 can carry it: every character outside {@code #x9 | #xA | #xD | [#x20-#xD7FF] |
 * [#xE000-#xFFFD] | [#x10000-#x10FFFF]} (control characters, U+FFFE and U+FFFF, lone surrogates)
 * is dropped. Input validation refuses such text; the XML writers (feeds, badges) also pass what
 * they write through here, for whatever was stored before.
 */
public final class XmlText {

    private XmlText() {}

    public static String legal(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        int i = 0;
        while (i < length) {
            int c = text.codePointAt(i);
            if (!isLegal(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        if (i == length) {
            return text;
        }
        StringBuilder out = new StringBuilder(length);
        out.append(text, 0, i);
        while (i < length) {
            int c = text.codePointAt(i);
            if (isLegal(c)) {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** A lone surrogate comes out of {@link String#codePointAt} as itself, in D800–DFFF: not legal. */
    static boolean isLegal(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}

package com.paystatus.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The public pages' stylesheet ({@code static/css/app.css}), read once at start-up so that the layout
 * can carry it inline in {@code <head>}: a phone on a slow network then paints the page from its first
 * response, without waiting for a render-blocking stylesheet. Pages are cached bytes shared by
 * everyone, so a nonce cannot work; the Content-Security-Policy allows this one text by its SHA-256
 * instead ({@link #cspSource()}), and still no other inline style.
 */
@Component
public final class PageStyle {

    private static final String PATH = "static/css/app.css";

    private final String css;
    private final String cspSource;

    public PageStyle() {
        try (InputStream in = new ClassPathResource(PATH).getInputStream()) {
            this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PATH, e);
        }
        this.cspSource = "'sha256-" + sha256(css) + "'";
    }

    /** The stylesheet's text, exactly as the layout's {@code <style>} element holds it. */
    public String css() {
        return css;
    }

    /** The source expression that allows the inline stylesheet: {@code 'sha256-…'}. */
    public String cspSource() {
        return cspSource;
    }

    static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

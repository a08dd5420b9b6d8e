package com.paystatus.shared;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts in the operators' language, Chinese (the default messages, the board's first language), for
 * what they are told outside the admin pages, whatever the reader's page language: alerts to robots
 * and webhooks, notices prefilled for them to publish. Features with the application's messages get
 * this injected; an event record that words itself, built without the application's context, uses
 * {@link #bundled()}, which reads the same bundle the same way.
 */
@Component
public final class OperatorTexts {

    /** The operators' language. */
    public static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    private static final OperatorTexts BUNDLED = new OperatorTexts(messageBundle());

    private final MessageSource messages;

    public OperatorTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The same texts read from {@code messages*.properties} directly, for code outside the context. */
    public static OperatorTexts bundled() {
        return BUNDLED;
    }

    /** The message {@code key} in the operators' language, with {@code args} put in its placeholders. */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, LANGUAGE);
    }

    /**
     * The application's messages ({@code messages*.properties}) read without its context, configured as
     * {@code spring.messages.*} in application.properties configures the application's own.
     */
    public static MessageSource messageBundle() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("messages");
        bundle.setDefaultEncoding(StandardCharsets.UTF_8.name());
        bundle.setFallbackToSystemLocale(false);
        return bundle;
    }
}

package com.paystatus.subscription;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.shared.LanguageTag;
import com.paystatus.shared.LocalizedText;
import com.paystatus.shared.TimeText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes mails from the Thymeleaf templates under {@code templates/mail/}, as plain text and as HTML, in
 * the subscriber's language; every word comes from the message bundles.
 */
@Component
class MailText {

    /** One mail, both ways. */
    record Written(String subject, String text, String html) {}

    /** One channel as a mail lists it. */
    record ChannelLine(String name, String state, String alternatives) {}

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;
    private final TimeText times;

    MailText(MessageSource messages, TimeText times) {
        this.messages = messages;
        this.times = times;
        engine.setTemplateEngineMessageSource(messages);
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    static Locale locale(String lang) {
        return "en".equals(lang) ? LanguageTag.ENGLISH : LanguageTag.CHINESE;
    }

    Written confirmation(String lang, String link, boolean once) {
        Locale locale = locale(lang);
        Context context = new Context(locale);
        context.setVariable("link", link);
        context.setVariable("once", once);
        String site = messages.getMessage("app.name", null, locale);
        context.setVariable("site", site);
        return new Written(
                messages.getMessage("mail.confirm.subject", new Object[] {site}, locale),
                engine.process("confirm.txt", context),
                engine.process("confirm.html", context));
    }

    Written notification(
            NotificationContent content,
            Map<String, ChannelRecord> channels,
            String lang,
            String link,
            String unsubscribe,
            boolean once) {
        Locale locale = locale(lang);
        List<ChannelLine> lines = content.channels().entrySet().stream()
                .map(e -> new ChannelLine(
                        name(channels, e.getKey(), locale),
                        messages.getMessage("channel.state." + e.getValue(), null, locale),
                        String.join(
                                messages.getMessage("list.separator", null, locale),
                                content.alternatives().getOrDefault(e.getKey(), List.of()).stream()
                                        .map(slug -> name(channels, slug, locale))
                                        .toList())))
                .toList();
        String heading;
        String status;
        if (content.isChannelState()) {
            heading = lines.isEmpty() ? "" : lines.get(0).name();
            status = lines.isEmpty() ? "" : lines.get(0).state();
        } else if (content.isMaintenance()) {
            heading = content.title();
            status = messages.getMessage("maintenance.status." + content.status(), null, locale);
        } else {
            heading = LocalizedText.pick(locale, content.title(), content.titleEn())
                    .text();
            status = messages.getMessage("notice.status." + content.status(), null, locale);
        }
        // an English reader gets the Chinese message, marked, where no English one was written
        LocalizedText message = content.isNotice()
                ? LocalizedText.pick(locale, content.message(), content.messageEn())
                : new LocalizedText(content.message(), null);
        boolean open = content.isNotice() && !"resolved".equals(content.status());
        Context context = new Context(locale);
        context.setVariable("heading", heading);
        context.setVariable("status", status);
        context.setVariable(
                "cause",
                content.noticeKind() == null
                        ? null
                        : messages.getMessage("notice.kind." + content.noticeKind(), null, locale));
        context.setVariable("eta", open ? times.estimate(content.estimatedRecoveryAt(), locale) : null);
        context.setVariable(
                "window", content.isMaintenance() ? times.window(content.startsAt(), content.endsAt(), locale) : null);
        context.setVariable("message", message.text());
        context.setVariable("messageLang", message.lang());
        context.setVariable("channels", lines);
        context.setVariable("link", link);
        context.setVariable("unsubscribe", unsubscribe);
        context.setVariable("once", once);
        context.setVariable("site", messages.getMessage("app.name", null, locale));
        return new Written(
                messages.getMessage("mail.subject", new Object[] {heading, status}, locale),
                engine.process("notification.txt", context),
                engine.process("notification.html", context));
    }

    private static String name(Map<String, ChannelRecord> channels, String slug, Locale locale) {
        ChannelRecord channel = channels.get(slug);
        return channel == null ? slug : channel.name(locale);
    }
}

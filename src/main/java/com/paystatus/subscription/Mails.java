package com.paystatus.subscription;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelService;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mail through Spring Boot's {@code spring.mail.*} SMTP settings; without them there is no mail
 * sender and email subscription is off. Notifications go out many to one SMTP connection, each with
 * its own unsubscribe link and the RFC 8058 one-click headers.
 */
@Component
class Mails implements Sender {

    private static final Logger log = LoggerFactory.getLogger(Mails.class);

    /** Stands for a subscriber's token in a mail written once for many; tokens are URL-safe base64. */
    private static final String TOKEN_SLOT = "unsubscribe-token-slot";

    /** Mails handed to one SMTP connection. */
    static final int PER_CONNECTION = 100;

    private final JavaMailSender mail;
    private final MailText text;
    private final Links links;
    private final ChannelService channels;
    private final String sender;
    private final Executor background;

    Mails(
            ObjectProvider<JavaMailSender> mail,
            MailText text,
            Links links,
            ChannelService channels,
            NotifyProperties properties,
            DeliveryWorker worker) {
        this.mail = mail.getIfAvailable();
        this.text = text;
        this.links = links;
        this.channels = channels;
        this.sender = properties.sender();
        this.background = worker.pool();
    }

    boolean enabled() {
        return mail != null;
    }

    @Override
    public String type() {
        return "email";
    }

    /** The confirmation mail, sent off the request's thread; a lost one is asked for again. */
    void sendConfirmationLater(String address, String lang, String token, boolean once) {
        background.execute(() -> {
            try {
                MailText.Written written = text.confirmation(lang, links.confirm(token), once);
                mail.send(message(null, address, written, null));
            } catch (MessagingException | RuntimeException e) {
                log.warn("The confirmation mail could not be sent: {}", e.getMessage());
            }
        });
    }

    @Override
    public List<Outcome> send(long notificationId, NotificationContent content, List<Deliveries.Claimed> deliveries) {
        List<Outcome> outcomes = new ArrayList<>();
        if (mail == null) {
            deliveries.forEach(d -> outcomes.add(Outcome.failed(d, "no SMTP server configured")));
            return outcomes;
        }
        Map<String, ChannelRecord> known =
                channels.all().stream().collect(Collectors.toMap(ChannelRecord::slug, Function.identity()));
        Map<MimeMessage, Deliveries.Claimed> messages = new IdentityHashMap<>();
        List<MimeMessage> batch = new ArrayList<>();
        // written once per language and kind of subscription; only the unsubscribe token differs
        Map<String, MailText.Written> written = new java.util.HashMap<>();
        for (Deliveries.Claimed d : deliveries) {
            try {
                String unsubscribe = links.unsubscribe(d.token());
                MailText.Written mail = written.computeIfAbsent(
                        d.lang() + "/" + d.once(),
                        k -> text.notification(
                                content,
                                known,
                                d.lang(),
                                links.page(content),
                                links.unsubscribe(TOKEN_SLOT),
                                d.once()));
                MimeMessage message = message(
                        "<delivery-" + d.id() + "." + d.notificationId() + "@" + links.host() + ">",
                        d.address(),
                        new MailText.Written(
                                mail.subject(),
                                mail.text().replace(TOKEN_SLOT, d.token()),
                                mail.html().replace(TOKEN_SLOT, d.token())),
                        unsubscribe);
                messages.put(message, d);
                batch.add(message);
            } catch (MessagingException | RuntimeException e) {
                outcomes.add(Outcome.failed(d, e.getMessage()));
            }
        }
        if (batch.isEmpty()) {
            return outcomes;
        }
        try {
            mail.send(batch.toArray(MimeMessage[]::new));
            batch.forEach(m -> outcomes.add(Outcome.delivered(messages.get(m))));
        } catch (MailSendException e) {
            Map<Object, Exception> failed = e.getFailedMessages();
            batch.forEach(m -> outcomes.add(
                    failed.containsKey(m)
                            ? Outcome.failed(messages.get(m), failed.get(m).getMessage())
                            : failed.isEmpty()
                                    ? Outcome.failed(messages.get(m), e.getMessage())
                                    : Outcome.delivered(messages.get(m))));
        } catch (MailException e) {
            batch.forEach(m -> outcomes.add(Outcome.failed(messages.get(m), e.getMessage())));
        }
        return outcomes;
    }

    /**
     * @param messageId a delivery's own Message-ID, the same if it is ever sent again after a crash, so
     *     that mail systems that drop repeats (as they do for one Message-ID) show it once; null for a new one
     */
    private MimeMessage message(String messageId, String to, MailText.Written written, String unsubscribe)
            throws MessagingException {
        MimeMessage message = messageId != null && mail instanceof JavaMailSenderImpl impl
                ? new MimeMessage(impl.getSession()) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", messageId);
                    }
                }
                : mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(sender);
        helper.setTo(to);
        helper.setSubject(written.subject());
        helper.setText(written.text(), written.html());
        if (unsubscribe != null) {
            message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }
}

package com.paystatus.subscription;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** A real SMTP server on loopback (GreenMail) for the tests, and reading what it received. */
final class Mailbox {

    private Mailbox() {}

    static GreenMailExtension smtp() {
        return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);
    }

    static List<MimeMessage> to(GreenMailExtension smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipients(m).equals("[" + address + "]"))
                .toList();
    }

    /** Waits (up to a minute) until the address has at least {@code count} mails, and returns them. */
    static List<MimeMessage> await(GreenMailExtension smtp, String address, int count) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> to(smtp, address).size() >= count);
        return to(smtp, address);
    }

    static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in the mail's text that ends with {@code /suffix}, as a path. */
    static String link(MimeMessage message, String suffix) {
        Matcher m = Pattern.compile("https?://[^/\\s]+(/subscriptions/[A-Za-z0-9_-]{43}/" + suffix + ")")
                .matcher(text(message));
        if (!m.find()) {
            throw new AssertionError("no " + suffix + " link in " + text(message));
        }
        return m.group(1);
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                MimeMultipart multipart = (MimeMultipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

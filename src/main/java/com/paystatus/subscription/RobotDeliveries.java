package com.paystatus.subscription;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelService;
import com.paystatus.shared.InvalidInputException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deliveries to the group robots of one vendor: the same words as the mails (in the robot's language),
 * in the vendor's format ({@link RobotSender}), within the vendor's rate limit ({@link RobotThrottle}).
 * A robot that may not speak yet keeps its delivery pending: it is retried on the delivery schedule,
 * never dropped. Every send is checked by {@link OutboundUrls} first, like a webhook's; a robot the
 * vendor says is gone (wrong key, removed) is disabled.
 */
class RobotDeliveries implements Sender {

    private final RobotType type;
    private final RobotSender sender;
    private final RobotThrottle throttle;
    private final OutboundUrls urls;
    private final MailText words;
    private final ChannelService channels;
    private final Links links;

    RobotDeliveries(
            RobotType type,
            RobotSender sender,
            RobotThrottle throttle,
            OutboundUrls urls,
            MailText words,
            ChannelService channels,
            Links links) {
        this.type = type;
        this.sender = sender;
        this.throttle = throttle;
        this.urls = urls;
        this.words = words;
        this.channels = channels;
        this.links = links;
    }

    /** One sender per vendor, each a bean of its own for the delivery worker. */
    @Configuration(proxyBeanMethods = false)
    static class Senders {

        @Bean
        Sender weComRobots(
                RobotSender sender,
                RobotThrottle throttle,
                Webhooks webhooks,
                MailText words,
                ChannelService channels,
                Links links) {
            return new RobotDeliveries(RobotType.WECOM, sender, throttle, webhooks.urls(), words, channels, links);
        }

        @Bean
        Sender dingTalkRobots(
                RobotSender sender,
                RobotThrottle throttle,
                Webhooks webhooks,
                MailText words,
                ChannelService channels,
                Links links) {
            return new RobotDeliveries(RobotType.DINGTALK, sender, throttle, webhooks.urls(), words, channels, links);
        }

        @Bean
        Sender feishuRobots(
                RobotSender sender,
                RobotThrottle throttle,
                Webhooks webhooks,
                MailText words,
                ChannelService channels,
                Links links) {
            return new RobotDeliveries(RobotType.FEISHU, sender, throttle, webhooks.urls(), words, channels, links);
        }
    }

    @Override
    public String type() {
        return type.code();
    }

    @Override
    public List<Outcome> send(long notificationId, NotificationContent content, List<Deliveries.Claimed> deliveries) {
        Map<String, ChannelRecord> known =
                channels.all().stream().collect(Collectors.toMap(ChannelRecord::slug, Function.identity()));
        String link = links.page(content);
        List<Outcome> outcomes = new ArrayList<>();
        for (Deliveries.Claimed d : deliveries) {
            URI url;
            try {
                url = urls.check("url", d.address());
            } catch (InvalidInputException e) {
                outcomes.add(
                        Outcome.failed(d, "refused: " + e.violations().get(0).messageKey()));
                continue;
            }
            if (!throttle.tryAcquire(String.valueOf(d.subscriberId()), type)) {
                outcomes.add(Outcome.failed(d, "rate limit: kept for the next attempt"));
                continue;
            }
            RobotResult result = sender.send(type, url, d.secret(), message(content, known, d.lang(), link));
            outcomes.add(
                    switch (result.outcome()) {
                        case DELIVERED -> Outcome.delivered(d);
                        case RETRYABLE -> Outcome.failed(d, result.detail());
                        case PERMANENT -> new Outcome(d, result.detail(), true);
                    });
        }
        return outcomes;
    }

    /** A short test message, sent when an admin adds the robot: it is saved only when the vendor took it. */
    static RobotMessage test(String text, String base, Instant now) {
        return new RobotMessage(text, text, text, base + "/", now, "zh");
    }

    private RobotMessage message(
            NotificationContent content, Map<String, ChannelRecord> known, String lang, String link) {
        MailText.Written written =
                words.notification(content, known, lang, link, null, false); // no unsubscribe: admins remove robots
        String markdown = "**" + written.subject() + "**\n\n" + written.text().strip();
        return new RobotMessage(written.subject(), written.text().strip(), markdown, link, content.at(), lang);
    }
}

package com.paystatus.subscription;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelService;
import com.paystatus.shared.InvalidInputException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

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
    private final Deliveries deliveries;
    private final JsonMapper json;
    private final Clock clock;

    RobotDeliveries(
            RobotType type,
            RobotSender sender,
            RobotThrottle throttle,
            OutboundUrls urls,
            MailText words,
            ChannelService channels,
            Links links,
            Deliveries deliveries,
            JsonMapper json,
            Clock clock) {
        this.type = type;
        this.sender = sender;
        this.throttle = throttle;
        this.urls = urls;
        this.words = words;
        this.channels = channels;
        this.links = links;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The delivery worker finds its senders as beans, one per vendor: each is a line here, and all are
     * made by {@link Factory} from the same parts.
     */
    @Configuration(proxyBeanMethods = false)
    static class Senders {

        @Bean
        Factory robotDeliveries(
                RobotSender sender,
                RobotThrottle throttle,
                Webhooks webhooks,
                MailText words,
                ChannelService channels,
                Links links,
                Deliveries deliveries,
                JsonMapper json,
                Clock clock) {
            return type -> new RobotDeliveries(
                    type, sender, throttle, webhooks.urls(), words, channels, links, deliveries, json, clock);
        }

        @Bean
        Sender weComRobots(Factory robots) {
            return robots.of(RobotType.WECOM);
        }

        @Bean
        Sender dingTalkRobots(Factory robots) {
            return robots.of(RobotType.DINGTALK);
        }

        @Bean
        Sender feishuRobots(Factory robots) {
            return robots.of(RobotType.FEISHU);
        }
    }

    /** Makes the sender for one vendor's robots; the parts are the same for every vendor. */
    @FunctionalInterface
    interface Factory {
        RobotDeliveries of(RobotType type);
    }

    @Override
    public String type() {
        return type.code();
    }

    /**
     * Each robot's deliveries one message each while its allowance lasts; past it they stay pending
     * until it may speak again, and then everything pending for it goes as one message ("3 updates
     * since 14:02", in the robot's language): a throttled robot's backlog is merged, never dropped.
     */
    @Override
    public List<Outcome> send(long notificationId, NotificationContent content, List<Deliveries.Claimed> claimed) {
        Map<String, ChannelRecord> known =
                channels.all().stream().collect(Collectors.toMap(ChannelRecord::slug, Function.identity()));
        Map<Long, List<Deliveries.Claimed>> byRobot = claimed.stream()
                .collect(Collectors.groupingBy(
                        Deliveries.Claimed::subscriberId, java.util.LinkedHashMap::new, Collectors.toList()));
        List<Outcome> outcomes = new ArrayList<>();
        byRobot.values().forEach(robot -> outcomes.addAll(sendToOne(notificationId, content, robot, known)));
        return outcomes;
    }

    private List<Outcome> sendToOne(
            long notificationId,
            NotificationContent content,
            List<Deliveries.Claimed> claimed,
            Map<String, ChannelRecord> known) {
        Deliveries.Claimed first = claimed.get(0);
        String robot = String.valueOf(first.subscriberId());
        URI url;
        try {
            url = urls.check("url", first.address());
        } catch (InvalidInputException e) {
            String error = "refused: " + e.violations().get(0).messageKey();
            return claimed.stream().map(d -> Outcome.failed(d, error)).toList();
        }
        Map<Long, NotificationContent> contents = new HashMap<>();
        contents.put(notificationId, content);
        List<Deliveries.Claimed> pending = new ArrayList<>(claimed);
        List<Outcome> outcomes = new ArrayList<>();
        boolean tookOver = false;
        while (!pending.isEmpty()) {
            if (!throttle.tryAcquire(robot, type)) {
                Instant notBefore = clock.instant().plus(throttle.untilAllowed(robot, type));
                pending.forEach(d -> outcomes.add(Outcome.deferred(d, notBefore)));
                break;
            }
            if (!tookOver) {
                // what earlier rounds kept back for this robot goes with what it may say now
                tookOver = true;
                pending.addAll(deliveries.takeOverPending(
                        first, pending.stream().map(Deliveries.Claimed::id).toList()));
                pending.sort(java.util.Comparator.comparingLong(Deliveries.Claimed::notificationId));
            }
            List<Deliveries.Claimed> now = throttle.available(robot, type) >= pending.size() - 1
                    ? List.of(pending.get(0))
                    : List.copyOf(pending);
            pending.removeAll(now);
            RobotMessage message = message(now, contents, known);
            RobotResult result = sender.send(type, url, first.secret(), message);
            for (Deliveries.Claimed d : now) {
                outcomes.add(
                        switch (result.outcome()) {
                            case DELIVERED -> Outcome.delivered(d);
                            case RETRYABLE -> Outcome.failed(d, result.detail());
                            case PERMANENT -> new Outcome(d, result.detail(), true);
                        });
            }
            if (!result.isDelivered()) {
                pending.forEach(d -> outcomes.add(Outcome.failed(d, result.detail())));
                break;
            }
        }
        return outcomes;
    }

    /** One delivery's message, or several merged under a line saying how many since when. */
    private RobotMessage message(
            List<Deliveries.Claimed> together,
            Map<Long, NotificationContent> contents,
            Map<String, ChannelRecord> known) {
        List<NotificationContent> said = together.stream()
                .map(d -> contents.computeIfAbsent(
                        d.notificationId(), id -> json.readValue(deliveries.content(id), NotificationContent.class)))
                .toList();
        String lang = together.get(0).lang();
        NotificationContent latest = said.get(said.size() - 1);
        RobotMessage last = message(latest, known, lang, links.page(latest));
        if (said.size() == 1) {
            return last;
        }
        List<String> earlier = said.subList(0, said.size() - 1).stream()
                .map(c -> message(c, known, lang, links.page(c)).title())
                .toList();
        Instant since = said.stream()
                .map(NotificationContent::at)
                .min(Instant::compareTo)
                .orElse(latest.at());
        return throttle.merged(said.size(), since, last, earlier);
    }

    /** A short test message, sent when an admin adds the robot: it is saved only when the vendor took it. */
    static RobotMessage test(String text, String base, Instant now) {
        return new RobotMessage(text, text, text, base + "/", now, "zh");
    }

    private RobotMessage message(
            NotificationContent content, Map<String, ChannelRecord> known, String lang, String link) {
        if (content.isAlert()) {
            String title = content.alert().title();
            String text = content.alert().text();
            return new RobotMessage(
                    title, title + "\n" + text, "**" + title + "**\n\n" + text, link, content.at(), "zh");
        }
        MailText.Written written =
                words.notification(content, known, lang, link, null, false); // no unsubscribe: admins remove robots
        String markdown = "**" + written.subject() + "**\n\n" + written.text().strip();
        return new RobotMessage(written.subject(), written.text().strip(), markdown, link, content.at(), lang);
    }
}

package com.paystatus.subscription;

import com.paystatus.audit.AuditDetails;
import com.paystatus.audit.Audited;
import com.paystatus.channel.ChannelService;
import com.paystatus.shared.Coded;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.InvalidInputException.Violation;
import com.paystatus.shared.LanguageTag;
import com.paystatus.shared.NotFoundException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribers as admins manage them: webhooks added (checked against SSRF, sent a signed test event,
 * their secret shown once), every subscriber listed with its address masked, and deleted. Each change is
 * audited with the address masked.
 */
@Service
public class SubscriberAdmin {

    /** Types an admin may add: webhooks and the group robots. */
    static final Set<String> ADMIN_TYPES = Set.of("webhook", "wecom", "dingtalk", "feishu");

    /** A robot's signing secret as the vendors hand them out (DingTalk's {@code SEC…} is 67 characters). */
    private static final int MAX_SECRET = 256;

    static final Set<String> AUDIENCES = Set.of("public", "operators");

    /** A subscriber as admins see it. */
    record View(
            long id,
            String type,
            String audience,
            String address,
            String lang,
            boolean once,
            List<String> channels,
            Instant createdAt,
            Instant confirmedAt,
            Instant disabledAt) {}

    /** @param secret a webhook's generated signing secret, shown in this answer only (null for robots) */
    record Created(View subscriber, String secret) {}

    /** The admin API's command; {@code secret} is for robots that bring their own. */
    record EndpointRequest(String type, String url, String secret, List<String> channels, String audience) {}

    private final Subscribers subscribers;
    private final ChannelService channels;
    private final Webhooks webhooks;
    private final RobotSender robots;
    private final Links links;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubscriberAdmin(
            Subscribers subscribers,
            ChannelService channels,
            Webhooks webhooks,
            RobotSender robots,
            Links links,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.subscribers = subscribers;
        this.channels = channels;
        this.webhooks = webhooks;
        this.robots = robots;
        this.links = links;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<View> all() {
        return subscribers.all().stream().map(SubscriberAdmin::view).toList();
    }

    /** Checks the endpoint, sends it a signed test event, and saves it only when that was answered 2xx. */
    @Transactional
    Created add(EndpointRequest request, String actor) {
        List<Violation> violations = new ArrayList<>();
        String type = request.type() == null ? "" : request.type();
        if (!ADMIN_TYPES.contains(type)) {
            violations.add(new Violation("type", "validation.subscriberType", type));
        }
        String audience = request.audience() == null ? "public" : request.audience();
        if (!AUDIENCES.contains(audience)) {
            violations.add(new Violation("audience", "validation.audience", audience));
        }
        List<String> slugs = request.channels() == null ? List.of() : request.channels();
        SubscriptionService.checkChannels(slugs, channels, violations);
        RobotType robot = Coded.fromCode(RobotType.class, type).orElse(null);
        String given = request.secret() == null || request.secret().isBlank()
                ? null
                : request.secret().trim();
        if (given != null && "webhook".equals(type)) {
            violations.add(new Violation("secret", "validation.secretGenerated"));
        } else if (given != null && robot == RobotType.WECOM) {
            violations.add(new Violation("secret", "validation.secretNotUsed"));
        } else if (given != null
                && (given.length() > MAX_SECRET || !given.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            violations.add(new Violation("secret", "validation.robotSecret", MAX_SECRET));
        }
        URI url = null;
        try {
            url = webhooks.urls().check("url", request.url());
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String secret;
        if (robot == null) {
            secret = Secrets.webhookSecret();
            webhooks.test(url, secret);
        } else {
            secret = given;
            RobotResult test = robots.send(
                    robot,
                    url,
                    secret,
                    RobotDeliveries.test(
                            messages.getMessage("robot.test", null, LanguageTag.CHINESE),
                            links.base(),
                            clock.instant()));
            if (!test.isDelivered()) {
                throw new InvalidInputException("url", "validation.robotTest", test.detail());
            }
        }
        Instant now = clock.instant();
        long id = subscribers.insert(
                type, audience, url.toString(), secret, "zh", false, null, Secrets.token(), now, now, actor, slugs);
        View view = view(subscribers.byId(id).orElseThrow());
        events.publishEvent(new Audited(
                actor,
                "subscriber.add",
                "subscriber/" + id,
                AuditDetails.none()
                        .withValue("type", type)
                        .withValue("address", view.address())
                        .withValue("audience", audience)
                        .withValue("channels", String.join(", ", slugs))));
        return new Created(view, robot == null ? secret : null);
    }

    /**
     * Everything kept about one subscriber, for an admin answering its owner's request: the email address
     * in full (the only place it is shown), its choices and what was sent to it. A webhook's or robot's
     * URL stays masked here too: it is a credential, never shown again in full. Audited, masked.
     */
    @Transactional
    Export export(long id, String actor) {
        Subscribers.Row row =
                subscribers.byId(id).orElseThrow(() -> new NotFoundException("error.subscriberNotFound", id));
        List<Export.Sent> sent = subscribers.deliveries(id);
        events.publishEvent(new Audited(
                actor,
                "subscriber.export",
                "subscriber/" + id,
                AuditDetails.none().withValue("address", Secrets.mask(row.type(), row.address()))));
        return new Export(
                row.id(),
                row.type(),
                row.audience(),
                "email".equals(row.type()) ? row.address() : Secrets.mask(row.type(), row.address()),
                row.lang(),
                row.once(),
                row.noticeId(),
                row.channels(),
                row.createdAt(),
                row.confirmedAt(),
                row.disabledAt(),
                sent,
                clock.instant());
    }

    /** The export of one subscriber; {@code sent}: each notification meant for it and what became of it. */
    record Export(
            long id,
            String type,
            String audience,
            String address,
            String lang,
            boolean once,
            Long noticeId,
            List<String> channels,
            Instant createdAt,
            Instant confirmedAt,
            Instant disabledAt,
            List<Sent> sent,
            Instant exportedAt) {

        record Sent(long notificationId, String kind, String status, int attempts, Instant deliveredAt) {}
    }

    @Transactional
    void delete(long id, String actor) {
        Subscribers.Row row =
                subscribers.byId(id).orElseThrow(() -> new NotFoundException("error.subscriberNotFound", id));
        subscribers.delete(id);
        events.publishEvent(new Audited(
                actor,
                "subscriber.delete",
                "subscriber/" + id,
                AuditDetails.none().withValue("address", Secrets.mask(row.type(), row.address()))));
    }

    private static View view(Subscribers.Row row) {
        return new View(
                row.id(),
                row.type(),
                row.audience(),
                Secrets.mask(row.type(), row.address()),
                row.lang(),
                row.once(),
                row.channels(),
                row.createdAt(),
                row.confirmedAt(),
                row.disabledAt());
    }
}

package com.paystatus.subscription;

import com.paystatus.audit.AuditDetails;
import com.paystatus.audit.Audited;
import com.paystatus.shared.OperatorTexts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs on every instance, never in an operator's request: woken after a change commits and every
 * {@code paystatus.notify.poll} anyway (so what a crash or another instance left is picked up), it fans
 * notifications out and sends the deliveries it claims, several at once, one sender per subscriber type.
 * A webhook that answers {@code 410 Gone}, or has failed for a day, is disabled and the admins are told
 * in the audit log.
 */
@Component
class DeliveryWorker implements SmartLifecycle, org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    static final Duration GIVE_UP_AFTER = Duration.ofDays(1);

    /** Deliveries handed to one sender call: one SMTP connection, or webhooks sent one after another. */
    private static final int CHUNK = Mails.PER_CONNECTION;

    private final Deliveries deliveries;
    private final ObjectProvider<Sender> senderBeans;
    private final Subscribers subscribers;
    private final NotifyProperties properties;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ExecutorService pool;
    private final OperatorTexts texts;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile ScheduledExecutorService loop;
    private volatile Map<String, Sender> senders;

    DeliveryWorker(
            Deliveries deliveries,
            ObjectProvider<Sender> senderBeans,
            Subscribers subscribers,
            NotifyProperties properties,
            JsonMapper json,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Clock clock,
            OperatorTexts texts) {
        this.texts = texts;
        this.deliveries = deliveries;
        this.senderBeans = senderBeans;
        this.subscribers = subscribers;
        this.properties = properties;
        this.json = json;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(properties.threads(), threads("notify-send-"));
    }

    private static CustomizableThreadFactory threads(String prefix) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
        factory.setDaemon(true);
        return factory;
    }

    ExecutorService pool() {
        return pool;
    }

    @Override
    public void start() {
        senders = senderBeans.orderedStream().collect(Collectors.toMap(Sender::type, s -> s));
        if (!properties.enabled()) {
            return;
        }
        loop = Executors.newSingleThreadScheduledExecutor(threads("notify-loop-"));
        long every = properties.poll().toMillis();
        loop.scheduleWithFixedDelay(this::drain, every, every, TimeUnit.MILLISECONDS);
        loop.scheduleWithFixedDelay(this::forgetUnconfirmed, 1, 10, TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = loop;
        loop = null;
        if (running != null) {
            running.shutdownNow();
        }
        // the senders' pool stays: a stopped context may be started again (the test framework pauses
        // cached contexts), and the mail sender keeps a reference to it; it ends with the bean
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    /** Asks for a round soon; rounds asked for while one runs become one more round. */
    void wake() {
        ScheduledExecutorService running = loop;
        if (running != null && wanted.compareAndSet(false, true)) {
            running.execute(this::drain);
        }
    }

    /** Fans out every notification waiting, then sends what is due until nothing is left. */
    void drain() {
        wanted.set(false);
        try {
            while (deliveries.fanOutNext()) {
                // each call fans out one notification in its own transaction
            }
            List<Deliveries.Claimed> claimed;
            while (!(claimed = deliveries.claim(properties.batch())).isEmpty()) {
                send(claimed);
            }
        } catch (RuntimeException e) {
            log.warn("Delivering notifications failed for now; the next round tries again: {}", e.toString());
        }
    }

    /** Requests never confirmed within 72 hours are deleted with their addresses. */
    private void forgetUnconfirmed() {
        try {
            transaction.executeWithoutResult(status ->
                    subscribers.deleteUnconfirmedBefore(clock.instant().minus(SubscriptionService.CONFIRMATION_VALID)));
        } catch (RuntimeException e) {
            log.warn("Unconfirmed subscriptions could not be deleted for now: {}", e.toString());
        }
    }

    private void send(List<Deliveries.Claimed> claimed) {
        Map<Long, NotificationContent> contents = new LinkedHashMap<>();
        List<Future<List<Sender.Outcome>>> sending = new ArrayList<>();
        Map<String, List<Deliveries.Claimed>> groups = claimed.stream()
                .collect(Collectors.groupingBy(
                        // a robot's deliveries of every notification together, so that a backlog can go as one
                        d -> com.paystatus.shared.Coded.fromCode(RobotType.class, d.type())
                                        .isPresent()
                                ? d.type() + "/robot-" + d.subscriberId()
                                : d.notificationId() + "/" + d.type(),
                        LinkedHashMap::new,
                        Collectors.toList()));
        for (List<Deliveries.Claimed> group : groups.values()) {
            Deliveries.Claimed first = group.get(0);
            if (first.type() == null) {
                group.forEach(deliveries::dropped);
                continue;
            }
            Sender sender = senders.get(first.type());
            if (sender == null) {
                continue; // a type this version cannot send: its lease runs out, a newer instance takes it
            }
            NotificationContent content = contents.computeIfAbsent(
                    first.notificationId(), id -> json.readValue(deliveries.content(id), NotificationContent.class));
            for (int i = 0; i < group.size(); i += CHUNK) {
                List<Deliveries.Claimed> chunk = group.subList(i, Math.min(group.size(), i + CHUNK));
                sending.add(pool.submit(() -> sendAndRecord(sender, first.notificationId(), content, chunk)));
            }
        }
        for (Future<List<Sender.Outcome>> future : sending) {
            try {
                for (Sender.Outcome outcome : future.get()) {
                    if (outcome.ok()) {
                        continue; // recorded as soon as its chunk was sent
                    } else if (outcome.isDeferred()) {
                        deliveries.deferred(outcome.delivery(), outcome.notBefore());
                    } else {
                        failed(outcome);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("A sender failed: {}", e.getCause().toString());
            }
        }
    }

    /**
     * Sends one chunk, with its lease renewed first ({@link Deliveries#renew}), and records what was
     * delivered at once: a crash (even {@code kill -9}) after this can make the next instance send again
     * at most the chunks in flight, never the whole claim.
     */
    private List<Sender.Outcome> sendAndRecord(
            Sender sender, long notificationId, NotificationContent content, List<Deliveries.Claimed> chunk) {
        List<Deliveries.Claimed> held = deliveries.renew(chunk);
        if (held.isEmpty()) {
            return List.of();
        }
        List<Sender.Outcome> outcomes = sender.send(notificationId, content, held);
        deliveries.delivered(outcomes.stream()
                .filter(Sender.Outcome::ok)
                .map(Sender.Outcome::delivery)
                .toList());
        return outcomes;
    }

    private void failed(Sender.Outcome outcome) {
        Deliveries.Claimed d = outcome.delivery();
        Optional<Instant> failingSince = deliveries.failed(d, outcome.error(), outcome.gone());
        Instant now = clock.instant();
        boolean tooLong = failingSince
                .map(since -> !since.plus(GIVE_UP_AFTER).isAfter(now))
                .orElse(false);
        if (!"email".equals(d.type()) && (outcome.gone() || tooLong)) {
            String masked = Secrets.mask(d.type(), d.address());
            String reason = outcome.gone() ? "410 Gone" : outcome.error();
            transaction.executeWithoutResult(status -> {
                subscribers.disable(d.subscriberId(), now);
                events.publishEvent(new SubscriberDisabled(
                        d.subscriberId(),
                        texts.text("subscription.alert.disabled.title", masked),
                        texts.text("subscription.alert.disabled.text", masked, reason)));
                events.publishEvent(new Audited(
                        "system",
                        "subscriber.disable",
                        "subscriber/" + d.subscriberId(),
                        AuditDetails.none()
                                .withValue("address", Secrets.mask(d.type(), d.address()))
                                .withNote(
                                        "reason",
                                        outcome.gone() ? "410 Gone" : "failing for a day: " + outcome.error())));
            });
        }
    }
}

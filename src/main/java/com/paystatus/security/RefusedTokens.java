package com.paystatus.security;

import com.paystatus.audit.AuditDetails;
import com.paystatus.audit.Audited;
import com.paystatus.shared.Networks;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Refused API tokens, counted per network (see {@link Networks}) and minute, so that a
 * client sending hundreds of bad tokens a second writes two audit rows a minute, not hundreds: the
 * first refusal of a network in a minute at once, and when the minute is over, one row with how many
 * there were in all (written by the next refusal, or by the scheduled sweep). A refusal while the
 * database is down is logged, not audited, and still answered 401.
 */
@Component
class RefusedTokens {

    private static final Logger log = LoggerFactory.getLogger(RefusedTokens.class);
    private static final int MAX_TRACKED = 10_000;

    private record Bucket(String network, long minute) {}

    private final Map<Bucket, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RefusedTokens(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void refused(String address) {
        long minute = Math.floorDiv(clock.millis(), 60_000L);
        closeBefore(minute);
        String network = Networks.of(address);
        if (counts.size() >= MAX_TRACKED && !counts.containsKey(new Bucket(network, minute))) {
            network = "other networks";
        }
        int count = counts.computeIfAbsent(new Bucket(network, minute), b -> new AtomicInteger())
                .incrementAndGet();
        if (count == 1) {
            audit(new Audited(
                    "anonymous",
                    "login.tokenRefused",
                    "network/" + network,
                    AuditDetails.none().withNote("reason", "unknown, expired or revoked token")));
        }
    }

    /** Writes the count of every minute that is over. */
    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void sweep() {
        closeBefore(Math.floorDiv(clock.millis(), 60_000L));
    }

    private void closeBefore(long minute) {
        for (Bucket bucket : counts.keySet()) {
            if (bucket.minute() < minute) {
                AtomicInteger count = counts.remove(bucket);
                if (count != null && count.get() > 1) {
                    RequestAttributes request = RequestContextHolder.getRequestAttributes();
                    // the row is about another client's requests: it must not carry this request's address
                    RequestContextHolder.resetRequestAttributes();
                    try {
                        audit(new Audited(
                                "anonymous",
                                "login.tokenRefused",
                                "network/" + bucket.network(),
                                AuditDetails.none()
                                        .withNote(
                                                "summary",
                                                "refused " + count.get() + " tokens in the minute from "
                                                        + Instant.ofEpochMilli(bucket.minute() * 60_000L))));
                    } finally {
                        RequestContextHolder.setRequestAttributes(request);
                    }
                }
            }
        }
    }

    private void audit(Audited event) {
        try {
            events.publishEvent(event);
        } catch (DataAccessException | TransactionException e) {
            log.warn("Could not audit {} for {}: {}", event.details().readable(), event.target(), e.getMessage());
        }
    }
}

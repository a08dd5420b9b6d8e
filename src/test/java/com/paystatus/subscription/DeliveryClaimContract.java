package com.paystatus.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lease claims, with two claimers racing on one database (each its own connection and
 * transaction, as two instances would be): every delivery is taken by exactly one of them, and a
 * notification is fanned out once however many try. Run on H2 and PostgreSQL, whose locking differs.
 */
abstract class DeliveryClaimContract {

    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    @Autowired
    Deliveries deliveries;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void clean() {
        jdbc.update("delete from delivery");
        jdbc.update("delete from notification");
        jdbc.update("delete from subscriber");
    }

    long notification() {
        jdbc.update(
                "insert into notification (kind, content, created_at) values ('notice.posted', '{}', ?)",
                Timestamp.from(NOW));
        return jdbc.queryForObject("select max(id) from notification", Long.class);
    }

    void subscribers(int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {"reader" + i + "@example.com", Secrets.token(), Timestamp.from(NOW.minusSeconds(60))
            });
        }
        jdbc.batchUpdate(
                "insert into subscriber (type, audience, address, lang, once_only, token, created_at, confirmed_at)"
                        + " values ('email', 'public', ?, 'zh', false, ?, ?, ?)",
                rows.stream().map(r -> new Object[] {r[0], r[1], r[2], r[2]}).toList());
    }

    static <T> List<T> race(Callable<T> one, Callable<T> other) throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<T> a = two.submit(one);
            Future<T> b = two.submit(other);
            return List.of(a.get(), b.get());
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void twoClaimersNeverTakeTheSameDelivery() throws Exception {
        long notification = notification();
        List<Object[]> rows = new ArrayList<>();
        for (long subscriber = 1; subscriber <= 3000; subscriber++) {
            rows.add(new Object[] {notification, subscriber, Timestamp.from(NOW)});
        }
        jdbc.batchUpdate(
                "insert into delivery (notification_id, subscriber_id, status, attempts, next_attempt_at)"
                        + " values (?, ?, 'pending', 0, ?)",
                rows);
        Callable<List<Long>> claimer = () -> {
            List<Long> taken = new ArrayList<>();
            List<Deliveries.Claimed> claimed;
            while (!(claimed = deliveries.claim(37)).isEmpty()) {
                claimed.forEach(d -> taken.add(d.id()));
            }
            return taken;
        };

        List<List<Long>> taken = race(claimer, claimer);

        Set<Long> all = new HashSet<>(taken.get(0));
        all.addAll(taken.get(1));
        assertThat(taken.get(0).size() + taken.get(1).size()).isEqualTo(3000);
        assertThat(all).hasSize(3000);
    }

    @Test
    void aNotificationIsFannedOutOnceHoweverManyTry() throws Exception {
        subscribers(500);
        long notification = notification();
        Callable<Integer> fanOut = () -> {
            int rounds = 0;
            while (deliveries.fanOutNext()) {
                rounds++;
            }
            return rounds;
        };

        List<Integer> rounds = race(fanOut, fanOut);

        assertThat(rounds.get(0) + rounds.get(1)).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from delivery where notification_id = ?", Integer.class, notification))
                .isEqualTo(500);
        assertThat(jdbc.queryForObject(
                        "select count(distinct subscriber_id) from delivery where notification_id = ?",
                        Integer.class,
                        notification))
                .isEqualTo(500);
    }

    @Test
    void aDeliveryWhoseLeaseRanOutIsTakenOverAndTheLateOutcomeIsIgnored() {
        long notification = notification();
        jdbc.update(
                "insert into delivery (notification_id, subscriber_id, status, attempts, next_attempt_at)"
                        + " values (?, 1, 'pending', 0, ?)",
                notification,
                Timestamp.from(NOW));
        Deliveries.Claimed first = deliveries.claim(10).get(0);
        assertThat(deliveries.claim(10)).isEmpty();

        jdbc.update("update delivery set lease_until = ?", Timestamp.from(NOW.minusSeconds(1)));
        Deliveries.Claimed second = deliveries.claim(10).get(0);
        deliveries.delivered(List.of(first));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(jdbc.queryForObject("select status from delivery", String.class))
                .isEqualTo("pending");
        deliveries.delivered(List.of(second));
        assertThat(jdbc.queryForObject("select status from delivery", String.class))
                .isEqualTo("delivered");
    }
}

package com.paystatus.subscription;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's tables, claimed by leases: a conditional UPDATE that takes only rows nobody holds (or
 * whose holder's lease ran out), so that instances sharing one database never take the same row, on H2
 * and PostgreSQL alike. A notification is fanned out (one delivery per subscriber it concerns, in one
 * transaction, the unique constraint as a backstop) by whoever claims it; a delivery is sent by whoever
 * claims it, and its outcome is recorded only while that lease is still held.
 */
@Component
class Deliveries {

    /** A claimed delivery and what sending it needs; {@code type} is null when the subscriber is gone. */
    record Claimed(
            long id,
            long notificationId,
            long subscriberId,
            int attempts,
            String type,
            String address,
            String secret,
            String lang,
            String token,
            boolean once,
            String owner) {}

    private static final String INSTANCE = UUID.randomUUID().toString().substring(0, 8);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration lease;
    private final AtomicLong claims = new AtomicLong();

    Deliveries(JdbcTemplate jdbc, Clock clock, NotifyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = properties.lease();
    }

    private String owner() {
        return INSTANCE + "-" + claims.incrementAndGet();
    }

    /**
     * Claims the oldest notification not yet fanned out and creates its deliveries, all in one
     * transaction; returns false when there was none left to claim.
     */
    @Transactional
    public boolean fanOutNext() {
        Instant now = clock.instant();
        String owner = owner();
        Timestamp at = Timestamp.from(now);
        int claimed = jdbc.update(
                "update notification set lease_owner = ?, lease_until = ? where id = (select min(id) from"
                        + " notification where fanned_out_at is null and (lease_until is null or lease_until < ?))"
                        + " and fanned_out_at is null and (lease_until is null or lease_until < ?)",
                owner,
                Timestamp.from(now.plus(lease)),
                at,
                at);
        if (claimed == 0) {
            return jdbc.queryForObject(
                            "select count(*) from notification where fanned_out_at is null and (lease_until is null"
                                    + " or lease_until < ?)",
                            Long.class,
                            at)
                    > 0;
        }
        long id = jdbc.queryForObject("select id from notification where lease_owner = ?", Long.class, owner);
        jdbc.update(
                "insert into delivery (notification_id, subscriber_id, status, attempts, next_attempt_at)"
                        + " select n.id, s.id, 'pending', 0, ? from subscriber s, notification n"
                        + " where n.id = ? and s.confirmed_at is not null and s.disabled_at is null"
                        + " and s.audience = n.audience and s.confirmed_at <= n.created_at and ("
                        + "   (s.once_only = false and (not exists (select 1 from subscriber_channel sc where"
                        + "     sc.subscriber_id = s.id) or (n.audience = 'operators' and not exists (select 1 from"
                        + "     notification_channel nc where nc.notification_id = n.id)) or exists (select 1 from subscriber_channel sc join"
                        + "     notification_channel nc on nc.slug = sc.slug where sc.subscriber_id = s.id and"
                        + "     nc.notification_id = n.id)))"
                        + "   or (s.once_only = true and (s.notice_id = n.resolved_notice or exists (select 1 from"
                        + "     subscriber_channel sc join notification_channel nc on nc.slug = sc.slug where"
                        + "     sc.subscriber_id = s.id and nc.notification_id = n.id and nc.recovered = true))))"
                        + " and not exists (select 1 from delivery d where d.notification_id = n.id and"
                        + "   d.subscriber_id = s.id)",
                at,
                id);
        jdbc.update(
                "update notification set fanned_out_at = ?, lease_owner = null, lease_until = null where id = ?",
                at,
                id);
        return true;
    }

    /**
     * Claims up to {@code limit} due deliveries for this instance: reads the oldest due ids, then takes
     * those that are still free with a conditional UPDATE (a row another claimer took meanwhile fails
     * the condition, its lock held or its lease set); tries again a few times when others took them all.
     */
    @Transactional
    public List<Claimed> claim(int limit) {
        Instant now = clock.instant();
        String owner = owner();
        Timestamp at = Timestamp.from(now);
        int claimed = 0;
        for (int round = 0; round < 5 && claimed == 0; round++) {
            List<Long> due = jdbc.queryForList(
                    "select id from delivery where status = 'pending' and next_attempt_at <= ? and (lease_until"
                            + " is null or lease_until < ?) order by id fetch first " + limit + " rows only",
                    Long.class,
                    at,
                    at);
            if (due.isEmpty()) {
                return List.of();
            }
            claimed = jdbc.update(
                    "update delivery set lease_owner = ?, lease_until = ? where id in ("
                            + due.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))
                            + ") and status = 'pending' and (lease_until is null or lease_until < ?)",
                    owner,
                    Timestamp.from(now.plus(lease)),
                    at);
        }
        if (claimed == 0) {
            return List.of();
        }
        return jdbc.query(
                "select d.id, d.notification_id, d.subscriber_id, d.attempts, s.type, s.address, s.secret,"
                        + " s.lang, s.token, s.once_only from delivery d left join subscriber s on s.id ="
                        + " d.subscriber_id where d.lease_owner = ? order by d.id",
                (rs, i) -> new Claimed(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getBoolean(10),
                        owner),
                owner);
    }

    /**
     * Renews the lease of a chunk just before it is sent and returns the deliveries this instance still
     * holds: a chunk that waited behind others for longer than the lease may have been claimed by another
     * instance meanwhile, and those are left to it, so that the lease has to outlast one chunk's sending,
     * not the whole claim's.
     */
    @Transactional
    public List<Claimed> renew(List<Claimed> chunk) {
        if (chunk.isEmpty()) {
            return chunk;
        }
        Timestamp until = Timestamp.from(clock.instant().plus(lease));
        int[] renewed = jdbc.batchUpdate(
                "update delivery set lease_until = ? where id = ? and lease_owner = ? and status = 'pending'",
                chunk.stream().map(d -> new Object[] {until, d.id(), d.owner()}).toList());
        List<Claimed> held = new java.util.ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            if (renewed[i] != 0) {
                held.add(chunk.get(i));
            }
        }
        return held;
    }

    /** Sent: once-only subscribers have been told and are deleted with their addresses. */
    @Transactional
    public void delivered(List<Claimed> sent) {
        if (sent.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int[] updated = jdbc.batchUpdate(
                "update delivery set status = 'delivered', delivered_at = ?, attempts = attempts + 1, lease_owner"
                        + " = null, lease_until = null, last_error = null where id = ? and lease_owner = ?",
                sent.stream().map(d -> new Object[] {now, d.id(), d.owner()}).toList());
        List<Object[]> told = new java.util.ArrayList<>();
        List<Object[]> recovered = new java.util.ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (updated[i] == 0) {
                continue;
            }
            Claimed d = sent.get(i);
            (d.once() ? told : recovered).add(new Object[] {d.subscriberId()});
        }
        jdbc.batchUpdate("delete from subscriber where id = ?", told);
        if (sent.stream().anyMatch(d -> !"email".equals(d.type()))) {
            jdbc.batchUpdate(
                    "update subscriber set failing_since = null where id = ? and failing_since is not null", recovered);
        }
    }

    /**
     * Not sent yet because the receiver may not take it now (a robot's rate limit): pending again from
     * {@code notBefore}, with no attempt counted, so that the backoff schedule never gives it up.
     */
    @Transactional
    public void deferred(Claimed delivery, Instant notBefore) {
        jdbc.update(
                "update delivery set next_attempt_at = ?, last_error = 'throttled', lease_owner = null, lease_until"
                        + " = null where id = ? and lease_owner = ?",
                Timestamp.from(notBefore),
                delivery.id(),
                delivery.owner());
    }

    /**
     * Takes over, for the holder of {@code held}, every other pending delivery to the same subscriber
     * that nobody holds, whenever it is due: a throttled robot's backlog, to be sent as one message.
     */
    @Transactional
    public List<Claimed> takeOverPending(Claimed held, java.util.Collection<Long> besides) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        String owner = owner(); // its own, so that rows this claim already holds elsewhere are not taken twice
        jdbc.update(
                "update delivery set lease_owner = ?, lease_until = ? where subscriber_id = ? and status ="
                        + " 'pending' and (lease_until is null or lease_until < ?)",
                owner,
                Timestamp.from(now.plus(lease)),
                held.subscriberId(),
                at);
        return jdbc
                .query(
                        "select d.id, d.notification_id, d.attempts from delivery d where d.lease_owner = ? and"
                                + " d.subscriber_id = ? and d.status = 'pending' order by d.notification_id",
                        (rs, i) -> new Claimed(
                                rs.getLong(1),
                                rs.getLong(2),
                                held.subscriberId(),
                                rs.getInt(3),
                                held.type(),
                                held.address(),
                                held.secret(),
                                held.lang(),
                                held.token(),
                                held.once(),
                                owner),
                        owner,
                        held.subscriberId())
                .stream()
                .filter(c -> !besides.contains(c.id()))
                .toList();
    }

    /** The subscriber was deleted after the fan-out: nothing to send. */
    @Transactional
    public void dropped(Claimed delivery) {
        jdbc.update(
                "update delivery set status = 'dropped', lease_owner = null, lease_until = null where id = ? and"
                        + " lease_owner = ?",
                delivery.id(),
                delivery.owner());
    }

    /**
     * Not sent: tried again after the backoff, or given up when the schedule is over or the receiver
     * said it is gone. Returns since when the subscriber has been failing.
     */
    @Transactional
    public Optional<Instant> failed(Claimed delivery, String error, boolean gone) {
        Instant now = clock.instant();
        int attempts = delivery.attempts() + 1;
        Optional<Duration> wait = gone ? Optional.empty() : Backoff.after(attempts);
        String cut = error == null ? "" : error.length() > 500 ? error.substring(0, 500) : error;
        int updated = jdbc.update(
                "update delivery set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, lease_owner ="
                        + " null, lease_until = null where id = ? and lease_owner = ?",
                wait.isPresent() ? "pending" : "failed",
                attempts,
                Timestamp.from(wait.map(now::plus).orElse(now)),
                cut,
                delivery.id(),
                delivery.owner());
        if (updated == 0) {
            return Optional.empty();
        }
        jdbc.update(
                "update subscriber set failing_since = coalesce(failing_since, ?) where id = ?",
                Timestamp.from(now),
                delivery.subscriberId());
        return jdbc
                .query(
                        "select failing_since from subscriber where id = ?",
                        (rs, i) -> rs.getTimestamp(1).toInstant(),
                        delivery.subscriberId())
                .stream()
                .findFirst();
    }

    /** Whether anything is waiting to be fanned out or sent now. */
    @Transactional(readOnly = true)
    public boolean anythingDue() {
        Timestamp at = Timestamp.from(clock.instant());
        return jdbc.queryForObject(
                                "select count(*) from notification where fanned_out_at is null and (lease_until is null or"
                                        + " lease_until < ?)",
                                Long.class,
                                at)
                        > 0
                || jdbc.queryForObject(
                                "select count(*) from delivery where status = 'pending' and next_attempt_at <= ? and"
                                        + " (lease_until is null or lease_until < ?)",
                                Long.class,
                                at,
                                at)
                        > 0;
    }

    /** A notification's content, as the outbox wrote it. */
    @Transactional(readOnly = true)
    public String content(long notificationId) {
        return jdbc.queryForObject("select content from notification where id = ?", String.class, notificationId);
    }
}

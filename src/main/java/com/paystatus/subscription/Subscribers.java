package com.paystatus.subscription;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The subscriber tables; callers hold the transaction. */
@Component
class Subscribers {

    /** One row as the service needs it; {@code address} and {@code secret} never leave the module unmasked. */
    record Row(
            long id,
            String type,
            String audience,
            String address,
            String lang,
            boolean once,
            Long noticeId,
            String token,
            Instant createdAt,
            Instant confirmedAt,
            Instant disabledAt,
            List<String> channels) {}

    private final JdbcTemplate jdbc;

    Subscribers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            String type,
            String audience,
            String address,
            String secret,
            String lang,
            boolean once,
            Long noticeId,
            String token,
            Instant now,
            Instant confirmedAt,
            String createdBy,
            Collection<String> channels) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                c -> {
                    var insert = c.prepareStatement(
                            "insert into subscriber (type, audience, address, secret, lang, once_only, notice_id,"
                                    + " token, created_at, confirmed_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?,"
                                    + " ?, ?, ?)",
                            new String[] {"id"});
                    insert.setString(1, type);
                    insert.setString(2, audience);
                    insert.setString(3, address);
                    insert.setString(4, secret);
                    insert.setString(5, lang);
                    insert.setBoolean(6, once);
                    insert.setObject(7, noticeId);
                    insert.setString(8, token);
                    insert.setTimestamp(9, Timestamp.from(now));
                    insert.setTimestamp(10, confirmedAt == null ? null : Timestamp.from(confirmedAt));
                    insert.setString(11, createdBy);
                    return insert;
                },
                key);
        long id = key.getKey().longValue();
        jdbc.batchUpdate(
                "insert into subscriber_channel (subscriber_id, slug) values (?, ?)",
                channels.stream().distinct().map(s -> new Object[] {id, s}).toList());
        return id;
    }

    Optional<Row> byToken(String token) {
        return one("where s.token = ?", token);
    }

    Optional<Row> byId(long id) {
        return one("where s.id = ?", id);
    }

    /** The deliveries meant for a subscriber, oldest first. */
    List<SubscriberAdmin.Export.Sent> deliveries(long subscriberId) {
        return jdbc.query(
                "select d.notification_id, n.kind, d.status, d.attempts, d.delivered_at from delivery d join"
                        + " notification n on n.id = d.notification_id where d.subscriber_id = ? order by d.id",
                (rs, i) -> new SubscriberAdmin.Export.Sent(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()),
                subscriberId);
    }

    List<Row> all() {
        return rows("where s.confirmed_at is not null or s.type <> 'email' order by s.id");
    }

    boolean confirm(long id, Instant now) {
        return jdbc.update(
                        "update subscriber set confirmed_at = ? where id = ? and confirmed_at is null",
                        Timestamp.from(now),
                        id)
                > 0;
    }

    boolean delete(long id) {
        return jdbc.update("delete from subscriber where id = ?", id) > 0;
    }

    void disable(long id, Instant now) {
        jdbc.update(
                "update subscriber set disabled_at = ? where id = ? and disabled_at is null", Timestamp.from(now), id);
    }

    /** Unconfirmed requests whose link has run out: the address is not kept. */
    int deleteUnconfirmedBefore(Instant before) {
        return jdbc.update(
                "delete from subscriber where confirmed_at is null and created_at < ?", Timestamp.from(before));
    }

    /**
     * Takes the one confirmation mail an address may get in ten minutes: false when one went out
     * within that time (on any instance).
     */
    boolean takeConfirmationSlot(String addressHash, Instant now, Instant notBefore) {
        int moved = jdbc.update(
                "update confirmation_sent set sent_at = ? where address_hash = ? and sent_at <= ?",
                Timestamp.from(now),
                addressHash,
                Timestamp.from(notBefore));
        if (moved > 0) {
            return true;
        }
        Integer known = jdbc.queryForObject(
                "select count(*) from confirmation_sent where address_hash = ?", Integer.class, addressHash);
        if (known != null && known > 0) {
            return false;
        }
        try {
            jdbc.update(
                    "insert into confirmation_sent (address_hash, sent_at) values (?, ?)",
                    addressHash,
                    Timestamp.from(now));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private Optional<Row> one(String where, Object arg) {
        return rows(where, arg).stream().findFirst();
    }

    private List<Row> rows(String where, Object... args) {
        List<Row> rows = jdbc.query(
                "select s.id, s.type, s.audience, s.address, s.lang, s.once_only, s.notice_id, s.token,"
                        + " s.created_at, s.confirmed_at, s.disabled_at from subscriber s " + where,
                (rs, i) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getObject(7) == null ? null : rs.getLong(7),
                        rs.getString(8),
                        instant(rs.getTimestamp(9)),
                        instant(rs.getTimestamp(10)),
                        instant(rs.getTimestamp(11)),
                        List.of()),
                args);
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> channels = jdbc
                .query(
                        "select subscriber_id, slug from subscriber_channel where subscriber_id in ("
                                + rows.stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining(","))
                                + ") order by slug",
                        (rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream()
                .map(r -> new Row(
                        r.id(),
                        r.type(),
                        r.audience(),
                        r.address(),
                        r.lang(),
                        r.once(),
                        r.noticeId(),
                        r.token(),
                        r.createdAt(),
                        r.confirmedAt(),
                        r.disabledAt(),
                        channels.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

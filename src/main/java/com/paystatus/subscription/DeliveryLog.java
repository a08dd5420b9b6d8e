package com.paystatus.subscription;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What became of a notice's notifications, for operators: per change told (posted, each update, the
 * resolution), how many subscribers it targeted, how many were reached, are still pending or failed,
 * and how long from the change to its last delivery.
 */
@Service
public class DeliveryLog {

    /**
     * @param pending not yet sent, including a whole change not yet fanned out ({@code fannedOut} false)
     * @param failed given up, or dropped because the subscriber was deleted meanwhile
     * @param toLastDelivery from the change to its last delivery; null while none was delivered
     */
    public record Entry(
            long notificationId,
            String kind,
            Instant at,
            boolean fannedOut,
            long targeted,
            long delivered,
            long pending,
            long failed,
            Duration toLastDelivery) {}

    private final JdbcTemplate jdbc;

    DeliveryLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The notice's notifications, oldest first. */
    @Transactional(readOnly = true)
    public List<Entry> forNotice(long noticeId) {
        return jdbc.query(
                "select n.id, n.kind, n.created_at, n.fanned_out_at, count(d.id),"
                        + " sum(case when d.status = 'delivered' then 1 else 0 end),"
                        + " sum(case when d.status = 'pending' then 1 else 0 end),"
                        + " sum(case when d.status in ('failed', 'dropped') then 1 else 0 end), max(d.delivered_at)"
                        + " from notification n left join delivery d on d.notification_id = n.id where n.notice_id = ?"
                        + " group by n.id, n.kind, n.created_at, n.fanned_out_at order by n.id",
                (rs, i) -> {
                    Instant at = rs.getTimestamp(3).toInstant();
                    Timestamp last = rs.getTimestamp(9);
                    return new Entry(
                            rs.getLong(1),
                            rs.getString(2),
                            at,
                            rs.getTimestamp(4) != null,
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getLong(8),
                            last == null ? null : Duration.between(at, last.toInstant()));
                },
                noticeId);
    }
}

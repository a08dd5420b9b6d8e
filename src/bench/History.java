import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Gives every channel of a stopped PayStatus database a year of state history: the channel is
 * backdated a year, and about one incident a week (degraded, unavailable or maintenance, ten minutes
 * to six hours, then available again) is written into channel_state_change, which uptime reads.
 * Run by src/bench/run.sh with the H2 driver on the class path: java -cp h2.jar History.java URL
 *
 * <p>With {@code old-notices PREFIX} instead: the resolved notices whose title starts with PREFIX are
 * moved back in time, spread over the last 90 days (their updates with them), and the id of one resolved
 * about a month ago, older than the snapshot's recent days, is printed as {@code old notice: ID}.
 */
public class History {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        if (args.length > 2 && args[1].equals("old-notices")) {
            oldNotices(url, args[2]);
            return;
        }
        Instant now = Instant.now();
        Instant start = now.minus(Duration.ofDays(366));
        Random random = new Random(5);
        String[] states = {"degraded", "unavailable", "maintenance"};
        int rows = 0;
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            db.setAutoCommit(false);
            List<Long> channels = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery("select id from channel order by id")) {
                while (rs.next()) {
                    channels.add(rs.getLong(1));
                }
            }
            try (PreparedStatement created = db.prepareStatement("update channel set created_at = ? where id = ?");
                    PreparedStatement first = db.prepareStatement(
                            "update channel_state_change set changed_at = ? where channel_id = ? and from_state is null");
                    PreparedStatement insert = db.prepareStatement(
                            "insert into channel_state_change (channel_id, from_state, to_state, changed_at, changed_by, reason)"
                                    + " values (?, ?, ?, ?, 'bench', ?)")) {
                for (long channel : channels) {
                    created.setObject(1, at(start));
                    created.setLong(2, channel);
                    created.executeUpdate();
                    first.setObject(1, at(start));
                    first.setLong(2, channel);
                    first.executeUpdate();
                    Instant t = start.plus(Duration.ofHours(12));
                    Instant end = now.minus(Duration.ofDays(2));
                    while (true) {
                        t = t.plus(Duration.ofMinutes(60L * 24 * 3 + random.nextInt(60 * 24 * 8)));
                        Duration length = Duration.ofMinutes(10 + random.nextInt(350));
                        if (t.plus(length).isAfter(end)) {
                            break;
                        }
                        String state = states[random.nextInt(states.length)];
                        row(insert, channel, "available", state, t, "历史故障 / past incident");
                        row(insert, channel, state, "available", t.plus(length), "已恢复 / recovered");
                        rows += 2;
                        t = t.plus(length);
                    }
                }
                insert.executeBatch();
            }
            db.commit();
        }
        System.out.println("History: " + rows + " state changes over a year written");
    }

    private static void oldNotices(String url, String prefix) throws Exception {
        Instant now = Instant.now();
        List<long[]> notices = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            db.setAutoCommit(false);
            try (PreparedStatement find = db.prepareStatement(
                    "select id from notice where resolved_at is not null and title like ? order by id")) {
                find.setString(1, prefix.replace("[", "_").replace("]", "_") + "%");
                try (ResultSet rs = find.executeQuery()) {
                    while (rs.next()) {
                        notices.add(new long[] {rs.getLong(1)});
                    }
                }
            }
            long old = -1;
            long bestDistance = Long.MAX_VALUE;
            try (PreparedStatement resolved = db.prepareStatement("select resolved_at from notice where id = ?");
                    PreparedStatement notice = db.prepareStatement(
                            "update notice set created_at = dateadd(second, ?, created_at), resolved_at = dateadd(second, ?, resolved_at) where id = ?");
                    PreparedStatement updates = db.prepareStatement(
                            "update notice_update set posted_at = dateadd(second, ?, posted_at) where notice_id = ?")) {
                for (int i = 0; i < notices.size(); i++) {
                    long id = notices.get(i)[0];
                    long daysAgo = 1 + (long) i * 89 / Math.max(1, notices.size() - 1);
                    Instant target = now.minus(Duration.ofDays(daysAgo)).minus(Duration.ofHours(i % 24));
                    resolved.setLong(1, id);
                    Instant was;
                    try (ResultSet rs = resolved.executeQuery()) {
                        rs.next();
                        was = rs.getObject(1, OffsetDateTime.class).toInstant();
                    }
                    long shift = Duration.between(was, target).getSeconds();
                    notice.setLong(1, shift);
                    notice.setLong(2, shift);
                    notice.setLong(3, id);
                    notice.executeUpdate();
                    updates.setLong(1, shift);
                    updates.setLong(2, id);
                    updates.executeUpdate();
                    if (Math.abs(daysAgo - 30) < bestDistance) {
                        bestDistance = Math.abs(daysAgo - 30);
                        old = id;
                    }
                }
            }
            db.commit();
            System.out.println("History: " + notices.size() + " resolved notices spread over 90 days");
            System.out.println("old notice: " + old);
        }
    }

    private static void row(PreparedStatement insert, long channel, String from, String to, Instant at, String reason)
            throws Exception {
        insert.setLong(1, channel);
        insert.setString(2, from);
        insert.setString(3, to);
        insert.setObject(4, at(at));
        insert.setString(5, reason);
        insert.addBatch();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

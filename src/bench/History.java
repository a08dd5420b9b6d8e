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
 */
public class History {

    public static void main(String[] args) throws Exception {
        String url = args[0];
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

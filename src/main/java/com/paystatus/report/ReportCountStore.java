package com.paystatus.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code report_count} table: one row per channel, symptom and minute, to which each instance
 * adds what it counted (an upsert that adds, so instances and flushes add up instead of
 * overwriting). One flush is one transaction: it is all added or not at all, and may be tried again.
 */
@Repository
class ReportCountStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String upsert;

    ReportCountStore(JdbcTemplate jdbc, TransactionTemplate transactions, DataSource dataSource) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.upsert = isPostgres(dataSource)
                ? "insert into report_count (channel_slug, symptom, minute_start, reports) values (?, ?, ?, ?)"
                        + " on conflict (channel_slug, symptom, minute_start)"
                        + " do update set reports = report_count.reports + excluded.reports"
                : "merge into report_count t using (values (cast(? as varchar(64)), cast(? as varchar(20)),"
                        + " cast(? as timestamp(6) with time zone), cast(? as bigint)))"
                        + " s(channel_slug, symptom, minute_start, reports)"
                        + " on t.channel_slug = s.channel_slug and t.symptom = s.symptom"
                        + " and t.minute_start = s.minute_start"
                        + " when matched then update set t.reports = t.reports + s.reports"
                        + " when not matched then insert (channel_slug, symptom, minute_start, reports)"
                        + " values (s.channel_slug, s.symptom, s.minute_start, s.reports)";
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database holds the report counts", e);
        }
    }

    /** Adds the counts in one transaction; two instances adding to one new row at once retry once. */
    void add(Map<Bucket, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(counts.size());
        counts.forEach((b, n) -> rows.add(new Object[] {b.slug(), b.symptom().code(), utc(b.minute()), n}));
        try {
            transactions.executeWithoutResult(s -> jdbc.batchUpdate(upsert, rows));
        } catch (DuplicateKeyException e) {
            transactions.executeWithoutResult(s -> jdbc.batchUpdate(upsert, rows));
        }
    }

    /** Every row from {@code from} (inclusive) to {@code to} (exclusive). */
    List<Row> between(Instant from, Instant to) {
        return jdbc.query(
                "select channel_slug, symptom, minute_start, reports from report_count"
                        + " where minute_start >= ? and minute_start < ?",
                (rs, i) -> new Row(
                        rs.getString(1),
                        Symptom.of(rs.getString(2)).orElse(Symptom.OTHER),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getLong(4)),
                utc(from),
                utc(to));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** One channel's count of one symptom in the minute that starts at {@code minute}. */
    record Bucket(String slug, Symptom symptom, Instant minute) {}

    record Row(String slug, Symptom symptom, Instant minute, long reports) {}
}

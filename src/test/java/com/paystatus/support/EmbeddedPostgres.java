package com.paystatus.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server for the whole test run, started on first use (also as root: its binaries
 * drop to an unprivileged user) and stopped when the JVM exits.
 */
public final class EmbeddedPostgres {

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {}

    public static void register(DynamicPropertyRegistry registry, String database) {
        String url = url(database);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    /** The JDBC address of a database of that name on the shared server (user postgres, no password). */
    public static synchronized String url(String database) {
        if (server == null) {
            try {
                server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start PostgreSQL for the tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
        }
        try (var connection = server.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (java.sql.SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // already exists: a context restarted
                throw new IllegalStateException(e);
            }
        }
        return server.getJdbcUrl("postgres", database);
    }
}

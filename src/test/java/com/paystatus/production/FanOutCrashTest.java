package com.paystatus.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.paystatus.PayStatusApplication;
import com.paystatus.support.ChildApps;
import com.paystatus.support.EmbeddedPostgres;
import com.paystatus.support.Http;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A notice for a thousand or so email subscribers, delivered by real processes to a real SMTP server
 * (GreenMail, in this JVM, on loopback) from one PostgreSQL. Killed with {@code kill -9} in the middle
 * of the fan-out and started again, every subscriber ends with the notice, under one Message-ID (a mail
 * sent again after the crash carries the same one, as a webhook's repeat carries the same
 * {@code webhook-id}); two instances delivering one fan-out send each subscriber exactly one mail.
 */
// Beside the other classes (junit-platform.properties): its own database, SMTP server and processes;
// its two tests run one after the other.
@Execution(ExecutionMode.CONCURRENT)
// one class of child processes at a time: two at once on two shared cores starve each other's startups
@ResourceLock("child-processes")
class FanOutCrashTest {

    private static final int PER_CONNECTION = 100;
    private static final int THREADS = 8;

    @TempDir
    Path workDir;

    GreenMail smtp;
    final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly().waitFor();
        }
        smtp.stop();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void killedInTheMiddleOfAFanOutEverySubscriberEndsWithTheNoticeOnce() throws Exception {
        String database = EmbeddedPostgres.url("fanout_crash");
        int port = ChildApps.freePort();
        Process app = start(port, database);
        JdbcTemplate jdbc = jdbc(database);
        List<String> addresses = subscribers(jdbc, 1200);

        post(port, "断电之前的通知");
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> smtp.getReceivedMessages().length >= 300);
        app.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, nothing finished
        app.waitFor();
        int beforeKill = smtp.getReceivedMessages().length;

        start(port, database);
        Map<String, List<String>> ids = awaitEveryone(jdbc, addresses);

        long copies = ids.values().stream().mapToLong(List::size).sum();
        System.out.printf(
                "FANOUT-CRASH subscribers=%d received before kill -9=%d mails in all=%d resent after restart=%d%n",
                addresses.size(), beforeKill, copies, copies - addresses.size());
        assertThat(beforeKill).as("killed in the middle").isLessThan(addresses.size());
        assertThat(ids).hasSize(addresses.size());
        assertThat(ids.values())
                .as("one Message-ID per subscriber")
                .allSatisfy(list -> assertThat(new HashSet<>(list)).hasSize(1));
        assertThat(copies - addresses.size())
                .as("sent again: at most the chunks in flight when it was killed")
                .isLessThanOrEqualTo(PER_CONNECTION * THREADS);
        assertThat(jdbc.queryForObject("select count(*) from delivery where status = 'delivered'", Integer.class))
                .isEqualTo(addresses.size());
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void twoInstancesOnOneDatabaseSendEachSubscriberExactlyOneMail() throws Exception {
        String database = EmbeddedPostgres.url("fanout_two");
        int portA = ChildApps.freePort();
        int portB = ChildApps.freePort();
        start(portA, database, "60s");
        JdbcTemplate jdbc = jdbc(database);
        List<String> addresses = subscribers(jdbc, 800);
        start(portB, database, "60s");

        post(portA, "两个实例一起发");
        Map<String, List<String>> ids = awaitEveryone(jdbc, addresses);

        assertThat(ids).hasSize(addresses.size());
        assertThat(ids.values())
                .as("no duplicates")
                .allSatisfy(list -> assertThat(list).hasSize(1));
        assertThat(smtp.getReceivedMessages()).hasSize(addresses.size());
    }

    /** Waits until no delivery is left to send and every address has a mail; its Message-IDs by address. */
    private Map<String, List<String>> awaitEveryone(JdbcTemplate jdbc, List<String> addresses) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        jdbc.queryForObject("select count(*) from delivery where status = 'delivered'", Integer.class)
                                        == addresses.size()
                                && smtp.getReceivedMessages().length >= addresses.size());
        Map<String, List<String>> ids = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                String to = m.getRecipients(Message.RecipientType.TO)[0].toString();
                ids.computeIfAbsent(to, k -> new ArrayList<>()).add(m.getMessageID());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Set<String> unknown = new HashSet<>(ids.keySet());
        addresses.forEach(unknown::remove);
        assertThat(unknown).as("mail only to subscribers").isEmpty();
        return ids;
    }

    private static void post(int port, String title) {
        HttpResponse<String> posted = new Http(port).adminJson("POST", "/api/admin/notices", """
                {"title": "%s", "kind": "info", "message": "m", "channels": {}, "estimatedRecoveryAt": null}""".formatted(title));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    }

    private static JdbcTemplate jdbc(String url) {
        return new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
    }

    /** Confirmed email subscribers to every channel, as the double opt-in leaves them. */
    private static List<String> subscribers(JdbcTemplate jdbc, int count) {
        Timestamp confirmed = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
        List<String> addresses = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String address = "reader" + i + "@example.com";
            addresses.add(address);
            String token = (UUID.randomUUID().toString() + UUID.randomUUID())
                    .replace("-", "")
                    .substring(0, 43);
            rows.add(new Object[] {address, token, confirmed, confirmed});
        }
        jdbc.batchUpdate(
                "insert into subscriber (type, audience, address, lang, once_only, token, created_at, confirmed_at)"
                        + " values ('email', 'public', ?, 'zh', false, ?, ?, ?)",
                rows);
        return addresses;
    }

    private Process start(int port, String database) throws IOException, InterruptedException {
        // a killed instance's leases run out soon, so that the next one takes its work over
        return start(port, database, "10s");
    }

    /**
     * @param lease how long a claim is held: short after a kill; the default (60 s) for instances that
     *     both live, since a chunk still being sent when its lease runs out is taken over and sent again
     */
    private Process start(int port, String database, String lease) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                PayStatusApplication.class.getName(),
                "--server.port=" + port,
                "--paystatus.admin.password=" + Http.ADMIN_PASSWORD,
                "--paystatus.admin.password-hash-cost=4", // as in the test profile: each admin call checks it
                "--logging.level.root=WARN",
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--paystatus.base-url=http://127.0.0.1:" + port,
                "--paystatus.notify.lease=" + lease,
                "--paystatus.notify.threads=" + THREADS));
        Process process = ChildApps.startReady(command, workDir, port);
        processes.add(process);
        return process;
    }
}

package com.paystatus.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.PayStatusApplication;
import com.paystatus.support.ChildApps;
import com.paystatus.support.EmbeddedPostgres;
import com.paystatus.support.Http;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The app, a real process, is killed with {@code kill -9} in the middle of a stream of notices. After
 * a restart every notice whose 201 the client received must be there: on the default H2 file
 * database and on PostgreSQL.
 */
// Beside the other classes (junit-platform.properties): it shares nothing with them and mostly waits on
// its own processes; its two tests run one after the other.
@Execution(ExecutionMode.CONCURRENT)
// one class of child processes at a time: two at once on two shared cores starve each other's startups
@ResourceLock("child-processes")
class CrashDurabilityTest {

    @TempDir
    Path workDir;

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void acknowledgedWritesSurviveKillNineOnTheDefaultH2File() throws Exception {
        // no datasource given: the process uses the default, ./data under its working directory
        crashAndCount("h2-file", List.of());
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void acknowledgedWritesSurviveKillNineOnPostgres() throws Exception {
        crashAndCount(
                "postgresql",
                List.of(
                        "--spring.profiles.active=postgres",
                        "--spring.datasource.url=" + EmbeddedPostgres.url("crash"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password="));
    }

    private void crashAndCount(String database, List<String> databaseArgs) throws Exception {
        int port = ChildApps.freePort();
        Process app = start(port, databaseArgs);
        Http http = new Http(port);
        List<Long> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            int n = 0;
            while (writing.get()) {
                try {
                    HttpResponse<String> posted = http.adminJson("POST", "/api/admin/notices", """
                            {"title": "写入 %d", "kind": "info", "message": "m", "channels": {}, "estimatedRecoveryAt": null}""".formatted(n++));
                    if (posted.statusCode() == 201) {
                        acknowledged.add(Http.json(posted).get("id").asLong());
                    }
                } catch (RuntimeException connectionLost) {
                    // the process is gone: whatever was not acknowledged does not count
                }
            }
        });
        writer.start();
        // Kill it in the middle of the stream: once a dozen writes are acknowledged, however long a
        // loaded machine takes to get there.
        long writes = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (acknowledged.size() < 12 && System.nanoTime() < writes && app.isAlive()) {
            Thread.sleep(20);
        }
        app.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
        app.waitFor();
        writing.set(false);
        writer.join();

        Process again = start(port, databaseArgs);
        try {
            List<Long> missing = new ArrayList<>();
            for (Long id : acknowledged) {
                if (http.adminJson("GET", "/api/admin/notices/" + id, "").statusCode() != 200) {
                    missing.add(id);
                }
            }
            System.out.printf(
                    "CRASH db=%s acknowledged before kill -9: %d, found after restart: %d%n",
                    database, acknowledged.size(), acknowledged.size() - missing.size());
            assertThat(acknowledged).hasSizeGreaterThan(5);
            assertThat(missing).isEmpty();
        } finally {
            again.destroyForcibly().waitFor();
        }
    }

    private Process start(int port, List<String> databaseArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1", // a short-lived process: less CPU spent compiling beside the other tests
                "-cp",
                System.getProperty("java.class.path"),
                PayStatusApplication.class.getName(),
                "--server.port=" + port,
                "--paystatus.admin.password=" + Http.ADMIN_PASSWORD,
                "--paystatus.admin.password-hash-cost=4", // as in the test profile: each admin call checks it
                "--logging.level.root=WARN"));
        command.addAll(databaseArgs);
        return ChildApps.startReady(command, workDir, port);
    }
}

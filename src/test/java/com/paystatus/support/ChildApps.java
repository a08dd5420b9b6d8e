package com.paystatus.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * PayStatus in a child JVM, for the tests that kill or restart a real process: started with its log in
 * the work directory, and waited for until its readiness probe says UP (a generous limit, so that a
 * loaded machine slows the test down instead of failing it).
 */
public final class ChildApps {

    private static final Duration READY_WITHIN = Duration.ofSeconds(180);

    private ChildApps() {}

    /** Starts {@code command} in {@code workDir} and returns once the app on {@code port} is ready. */
    public static Process startReady(List<String> command, Path workDir, int port)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("app-" + port + "-" + System.nanoTime() + ".log")
                        .toFile())
                .start();
        Http http = new Http(port);
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.get("/actuator/health/readiness").statusCode() == 200) {
                    return process;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited while starting; see " + workDir);
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The app did not start within " + READY_WITHIN.toSeconds() + " s");
    }

    /** A loopback port free at this moment. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

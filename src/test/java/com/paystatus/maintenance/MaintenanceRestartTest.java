package com.paystatus.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystatus.PayStatusApplication;
import com.paystatus.channel.ChannelService;
import com.paystatus.channel.ChannelState;
import com.paystatus.channel.StateChange;
import com.paystatus.status.StatusSnapshots;
import com.paystatus.support.TestClockConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app stopped before a window starts and started again in its middle: the page is right at once,
 * and the scheduler, running by itself, writes the start into the history at the time it was due.
 */
class MaintenanceRestartTest {

    private static final Instant T0 = TestClockConfig.START;

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(Instant clock, boolean scheduler) {
        return new SpringApplicationBuilder(PayStatusApplication.class, TestClockConfig.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test")
                // command-line arguments, so that they win over the test profile's file
                .run(
                        "--spring.datasource.url=jdbc:h2:file:"
                                + data.resolve("paystatus").toAbsolutePath(),
                        "--test.clock.start=" + clock,
                        "--paystatus.scheduler.enabled=" + scheduler,
                        "--paystatus.scheduler.interval=200ms",
                        "--server.port=0");
    }

    @Test
    void aRestartInTheMiddleOfAWindowPicksItUp() {
        try (var before = start(T0, false)) {
            before.getBean(MaintenanceService.class)
                    .schedule(
                            new MaintenanceDraft(
                                    "系统升级维护",
                                    "分付出行升级",
                                    List.of("fenfu-transit"),
                                    T0.plus(Duration.ofHours(1)),
                                    T0.plus(Duration.ofHours(3))),
                            "ops");
        }

        try (var after = start(T0.plus(Duration.ofHours(2)), true)) {
            var snapshots = after.getBean(StatusSnapshots.class);
            assertThat(snapshots
                            .current()
                            .channel("fenfu-transit")
                            .orElseThrow()
                            .state())
                    .isEqualTo(ChannelState.MAINTENANCE);

            ChannelService channels = after.getBean(ChannelService.class);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(
                                    channels.get("fenfu-transit").recentChanges())
                            .first()
                            .extracting(StateChange::to, StateChange::at, StateChange::by)
                            .containsExactly(ChannelState.MAINTENANCE, T0.plus(Duration.ofHours(1)), "scheduler"));
        }
    }
}

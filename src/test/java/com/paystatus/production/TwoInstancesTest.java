package com.paystatus.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystatus.channel.ChannelService;
import com.paystatus.channel.ChannelState;
import com.paystatus.channel.StateChange;
import com.paystatus.support.EmbeddedPostgres;
import com.paystatus.support.Http;
import com.paystatus.support.Instances;
import com.paystatus.support.TestClock;
import com.paystatus.support.TestClockConfig;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Two instances of PayStatus on one PostgreSQL, as behind a load balancer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    private static final Instant T0 = TestClockConfig.START;

    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;

    @BeforeAll
    void startBoth() {
        String url = EmbeddedPostgres.url("twoinstances");
        a = start(url); // A first: it creates the schema and the demo channels
        b = start(url);
    }

    @AfterAll
    void stopBoth() {
        b.close();
        a.close();
    }

    private static ConfigurableApplicationContext start(String url) {
        return Instances.start(url, "--paystatus.scheduler.enabled=true", "--paystatus.scheduler.interval=200ms");
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void aNoticePostedThroughOneInstanceShowsOnTheOther() {
        var posted = http(a).adminJson("POST", "/api/admin/notices", """
                {"title": "经由实例 A 发布", "kind": "fault", "message": "排查中",
                 "channels": {"fenfu-offline": "unavailable"}, "estimatedRecoveryAt": null}""");
        assertThat(posted.statusCode()).isEqualTo(201);
        long start = System.nanoTime();
        // B polls the revision every second; the time taken is printed, not asserted (a loaded machine is slower)
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> http(b).get("/").body().contains("经由实例 A 发布"));
        System.out.printf(
                "TWO-INSTANCES a notice posted on A showed on B after %d ms%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis());

        long id = Http.json(posted).get("id").asLong();
        assertThat(http(b).adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                        {"status": "resolved", "message": "经由实例 B 恢复"}""")
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !http(a).get("/channels/fenfu-offline").body().contains("原因：技术故障"));
    }

    @Test
    void aMaintenanceStartIsWrittenOnceThoughBothInstancesRunTheScheduler() {
        var scheduled = http(a).adminJson("POST", "/api/admin/maintenances", """
                {"title": "双实例维护", "message": "升级", "channels": ["fenfu-repayment"],
                 "startsAt": "2026-11-25T10:30:00+08:00", "endsAt": "2026-11-25T12:00:00+08:00"}""");
        assertThat(scheduled.statusCode()).isEqualTo(201);

        Instant during = T0.plus(Duration.ofMinutes(45));
        a.getBean(TestClock.class).set(during);
        b.getBean(TestClock.class).set(during);

        ChannelService channels = a.getBean(ChannelService.class);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        channels.get("fenfu-repayment").recentChanges().get(0).to() == ChannelState.MAINTENANCE);
        // give both schedulers several more turns
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        assertThat(channels.get("fenfu-repayment").recentChanges())
                .filteredOn(c -> c.to() == ChannelState.MAINTENANCE)
                .extracting(StateChange::at)
                .containsExactly(Instant.parse("2026-11-25T02:30:00Z"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http(b).get("/channels/fenfu-repayment").body().contains("维护中"));
    }
}

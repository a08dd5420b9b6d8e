package com.paystatus.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.Http;
import com.paystatus.support.TestClockConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** What a load balancer and Prometheus read. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfig.class)
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    @Test
    void livenessAndReadinessAreOpenForLoadBalancers() {
        Http http = new Http(port);
        assertThat(http.get("/actuator/health/liveness").body()).contains("\"UP\"");
        assertThat(http.get("/actuator/health/readiness").body()).contains("\"UP\"");
    }

    @Test
    void prometheusSeesTheSnapshotsAgeRevisionAndTheDatabase() {
        String metrics = new Http(port).get("/actuator/prometheus").body();
        assertThat(metrics)
                .contains("paystatus_snapshot_age_seconds ")
                .contains("paystatus_snapshot_revision ")
                .contains("paystatus_database_reachable 1.0")
                .contains("jvm_memory_used_bytes");
    }
}

package com.paystatus.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a load balancer and Prometheus read, and who may read it. */
@FullAppTest
class OperationsEndpointsTest extends HttpTestBase {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Test
    void livenessAndReadinessAreOpenForLoadBalancers() {
        assertThat(http.get("/actuator/health/liveness").body()).contains("\"UP\"");
        assertThat(http.get("/actuator/health/readiness").body()).contains("\"UP\"");
    }

    @Test
    void healthIsOpenButTellsNoDetails() {
        HttpResponse<String> health = http.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"UP\"")
                .doesNotContain("components")
                .doesNotContain("db");
    }

    @Test
    void prometheusSeesTheSnapshotsAgeRevisionAndTheDatabase() {
        String metrics = scrape("Bearer " + token("metrics")).body();
        assertThat(metrics)
                .contains("paystatus_snapshot_age_seconds ")
                .contains("paystatus_snapshot_revision ")
                .contains("paystatus_database_reachable 1.0")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void prometheusAnswersOnlyAMetricsTokenOrAnAdmin() {
        HttpResponse<String> anonymous = http.get("/actuator/prometheus");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("paystatus_snapshot_revision");
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        String metrics = "Bearer " + token("metrics");
        HttpResponse<String> scraped = scrape(metrics);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("paystatus_snapshot_revision ");
        assertThat(scrape(Http.basic("admin", Http.ADMIN_PASSWORD)).statusCode())
                .isEqualTo(200);

        // the metrics role opens nothing else: not the admin API, not other actuator endpoints
        assertThat(http.get("/api/admin/notices", "Authorization", metrics).statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/admin/channels", "Authorization", metrics).statusCode())
                .isEqualTo(403);
        assertThat(http.get("/actuator/env", "Authorization", metrics).statusCode())
                .isIn(403, 404);

        assertThat(scrape("Bearer " + token("operator")).statusCode()).isEqualTo(403);
        assertThat(scrape("Bearer " + token("support")).statusCode()).isEqualTo(403);
        assertThat(scrape("Bearer pst_not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void theMetricsRoleIsForTokensNotPeople() {
        HttpResponse<String> person = http.adminJson("POST", "/api/admin/users", """
                {"username": "scraper", "role": "metrics"}""");
        assertThat(person.statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> scrape(String authorization) {
        return http.get("/actuator/prometheus", "Authorization", authorization);
    }

    private String token(String role) {
        HttpResponse<String> created =
                http.adminJson("POST", "/api/admin/tokens", """
                {"name": "%s %d", "role": "%s"}""".formatted(role, SEQ.incrementAndGet(), role));
        assertThat(created.statusCode()).isEqualTo(201);
        return Http.json(created).get("secret").asString();
    }
}

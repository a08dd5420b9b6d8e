package com.paystatus.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelService;
import com.paystatus.security.UserService;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A token of role {@code integration} posts alerts and nothing else: every other admin API answers it
 * 403, reads included; and no other role posts alerts, except admins.
 */
@FullAppTest
class IntegrationRoleTest extends HttpTestBase {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    ChannelService channels;

    @Autowired
    UserService users;

    Monitoring monitoring;
    String slug;

    @BeforeEach
    void setUp() {
        monitoring = new Monitoring(http);
        slug = Monitoring.freshChannel(channels);
    }

    record Call(String method, String path, String body) {}

    List<Call> everythingElse() {
        return List.of(
                new Call("GET", "/api/admin/channels", ""),
                new Call("GET", "/api/admin/channels/" + slug, ""),
                new Call(
                        "PUT",
                        "/api/admin/channels/" + slug + "/state",
                        "{\"state\": \"unavailable\", \"reason\": \"x\"}"),
                new Call("PUT", "/api/admin/channels/" + slug, "{}"),
                new Call("POST", "/api/admin/notices", "{}"),
                new Call("GET", "/api/admin/notices/1", ""),
                new Call("POST", "/api/admin/notices/1/updates", "{}"),
                new Call("PUT", "/api/admin/notices/1/postmortem", "{}"),
                new Call("GET", "/api/admin/maintenances", ""),
                new Call("POST", "/api/admin/maintenances", "{}"),
                new Call("GET", "/api/admin/proposals", ""),
                new Call("GET", "/api/admin/proposals/1", ""),
                new Call("POST", "/api/admin/proposals/1/publish", ""),
                new Call("POST", "/api/admin/proposals/1/dismiss", ""),
                new Call("GET", "/api/admin/integrations/rules", ""),
                new Call("POST", "/api/admin/integrations/rules", "{}"),
                new Call("PUT", "/api/admin/integrations/rules/1", "{}"),
                new Call("DELETE", "/api/admin/integrations/rules/1", ""),
                new Call("GET", "/api/admin/integrations/unmatched", ""),
                new Call("GET", "/api/admin/integrations/recoveries", ""),
                new Call("GET", "/api/admin/integrations/alertmanager", ""),
                new Call("GET", "/api/admin/users", ""),
                new Call("POST", "/api/admin/users", "{\"username\": \"robot-made\", \"role\": \"admin\"}"),
                new Call("GET", "/api/admin/tokens", ""),
                new Call("POST", "/api/admin/tokens", "{\"name\": \"escalate\", \"role\": \"admin\"}"),
                new Call("GET", "/api/admin/audit", ""),
                new Call("GET", "/api/admin/subscribers", ""),
                new Call("GET", "/actuator/prometheus", ""));
    }

    @Test
    void anIntegrationTokenPostsAlertsToEveryReceiverAndIsRefusedEverythingElse() {
        String bearer = "Bearer " + monitoring.token;
        for (Call call : everythingElse()) {
            assertThat(monitoring
                            .send(bearer, call.method(), call.path(), call.body())
                            .statusCode())
                    .as(call.method() + " " + call.path())
                    .isEqualTo(403);
        }
        assertThat(monitoring.send(bearer, "GET", "/admin", "").statusCode()).isNotEqualTo(200);
        assertThat(monitoring
                        .post("generic", Monitoring.generic("role-" + slug, "firing", slug, null))
                        .statusCode())
                .isEqualTo(202);
        assertThat(monitoring
                        .post("alertmanager", Monitoring.payload("alertmanager-v4.json", "fenfu-online", slug))
                        .statusCode())
                .isEqualTo(202);
        assertThat(monitoring
                        .post("grafana", Monitoring.payload("grafana-webhook.json", "fenfu-online", slug))
                        .statusCode())
                .isEqualTo(202);
        assertThat(monitoring
                        .post("uptime-kuma", Monitoring.payload("uptime-kuma-down.json", "fenfu-repayment", slug))
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void operatorsAndSupportCannotPostAlertsButAdminsCan() {
        String body = Monitoring.generic("who-" + slug, "firing", slug, null);
        for (String role : List.of("operator", "support", "metrics")) {
            String token = Http.json(http.adminJson(
                            "POST", "/api/admin/tokens", """
                            {"name": "%s %d", "role": "%s"}""".formatted(role, SEQ.incrementAndGet(), role)))
                    .get("secret")
                    .asString();
            assertThat(monitoring
                            .send("Bearer " + token, "POST", "/api/admin/integrations/generic", body)
                            .statusCode())
                    .as(role)
                    .isEqualTo(403);
        }
        String person = "op-" + SEQ.incrementAndGet() + "-" + slug.hashCode();
        UserService.WithPassword created = users.create(person, "operator");
        users.changeOwnPassword(person, created.password(), "a long passphrase for tests");
        assertThat(monitoring
                        .send(
                                Http.basic(person, "a long passphrase for tests"),
                                "POST",
                                "/api/admin/integrations/generic",
                                body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(monitoring.proposals(slug)).isEmpty();
        assertThat(http.adminJson("POST", "/api/admin/integrations/generic", body)
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void nobodyIsGivenTheIntegrationRoleAsAPerson() {
        assertThat(http.adminJson("POST", "/api/admin/users", """
                        {"username": "kuma-%d", "role": "integration"}""".formatted(SEQ.incrementAndGet()))
                        .statusCode())
                .isEqualTo(400);
    }
}

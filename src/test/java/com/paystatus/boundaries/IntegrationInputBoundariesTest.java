package com.paystatus.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The alert receivers and the rules API as an attacker (or a misconfigured monitoring tool) would
 * use them: wrong types, refused characters, unknown values, oversized batches, a bad alert among good
 * ones. Each is a 400 (413 for the size) naming the field, saves nothing of the whole batch, and leaves
 * every public answer up; a link back that is not http(s) is dropped rather than shown.
 */
@FullAppTest
class IntegrationInputBoundariesTest extends HttpTestBase {

    @Autowired
    JdbcTemplate jdbc;

    String token;

    @BeforeEach
    void signIn() {
        token = Attack.token(http, port);
    }

    record Case(String receiver, String body, String field) {}

    static final String ALERT = """
            {"status": "firing", "labels": {"channel": "fenfu-online"}, "fingerprint": "boundary-1"}""";

    static List<Case> receiverCases() {
        return List.of(
                new Case(
                        "alertmanager",
                        "{\"alerts\": [{\"status\": \"firing\", \"labels\": {\"a\": \"x\\u0000y\"}}]}",
                        "alerts[0].labels"),
                new Case(
                        "alertmanager",
                        "{\"alerts\": [{\"status\": \"firing\", \"labels\": {\"a\": 5}}]}",
                        "alerts[0].labels.a"),
                new Case(
                        "alertmanager",
                        "{\"alerts\": [{\"status\": \"pending\", \"labels\": {}}]}",
                        "alerts[0].status"),
                new Case(
                        "alertmanager",
                        "{\"alerts\": [{\"status\": \"firing\", \"startsAt\": \"yesterday\"}]}",
                        "alerts[0].startsAt"),
                new Case("alertmanager", "{\"alerts\": {\"status\": \"firing\"}}", "alerts"),
                new Case(
                        "alertmanager",
                        "{\"alerts\": [" + ALERT + ", {\"status\": \"firing\", \"summary\": true,"
                                + " \"fingerprint\": 7}]}",
                        "alerts[1].fingerprint"),
                new Case(
                        "alertmanager",
                        "{\"alerts\": [{\"status\": \"firing\", \"fingerprint\": \"" + "f".repeat(201) + "\"}]}",
                        "alerts[0].fingerprint"),
                new Case("grafana", "not json", "body"),
                new Case("grafana", "\"a string\"", "body"),
                new Case(
                        "uptime-kuma",
                        "{\"heartbeat\": {\"status\": \"0\"}, \"monitor\": {\"id\": 1}}",
                        "heartbeat.status"),
                new Case(
                        "uptime-kuma",
                        "{\"heartbeat\": {\"status\": 0, \"time\": \"soon\"}, \"monitor\": {\"id\": 1}}",
                        "heartbeat.time"),
                new Case("generic", "{\"status\": \"firing\", \"channel\": \"fenfu-online\"}", "id"),
                new Case(
                        "generic",
                        "[{\"id\": \"ok-1\", \"status\": \"firing\", \"channel\": \"fenfu-online\"},"
                                + " {\"id\": \"bad-2\", \"status\": \"firing\", \"channel\": \"fenfu-online\", \"state\": \"maintenance\"}]",
                        "[1].state"),
                new Case("generic", "{\"id\": \"x\", \"status\": \"firing\", \"summary\": \"a\\u0000b\"}", "summary"));
    }

    String stored() {
        return Attack.fingerprint(jdbc)
                + jdbc.queryForMap("select count(*) as n, max(id) as last from integration_alert")
                + jdbc.queryForMap("select count(*) as n, max(id) as last from proposal")
                + jdbc.queryForList("select * from integration_rule");
    }

    @Test
    void eachBadPayloadIsA400NamingTheFieldAndNothingOfTheBatchIsSaved() {
        String before = stored();
        for (Case attack : receiverCases()) {
            HttpResponse<String> answer =
                    Attack.json(http, token, "POST", "/api/admin/integrations/" + attack.receiver(), attack.body());
            assertThat(answer.statusCode())
                    .as(attack.receiver() + " " + attack.body())
                    .isEqualTo(400);
            assertThat(Attack.firstError(answer).get("field").asString())
                    .as(attack.body())
                    .isEqualTo(attack.field());
        }
        assertThat(stored()).isEqualTo(before);
        Attack.publicAnswersStayUp(http);
    }

    @Test
    void tooManyLabelsAndOversizedBatchesAreRefused() {
        String before = stored();
        StringBuilder labels = new StringBuilder("{");
        for (int i = 0; i < 31; i++) {
            labels.append(i == 0 ? "" : ",").append("\"l").append(i).append("\": \"v\"");
        }
        labels.append('}');
        HttpResponse<String> many = Attack.json(
                http,
                token,
                "POST",
                "/api/admin/integrations/alertmanager",
                "{\"alerts\": [{\"status\": \"firing\", \"labels\": " + labels + "}]}");
        assertThat(many.statusCode()).isEqualTo(400);

        String huge = "{\"alerts\": [], \"pad\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        assertThat(Attack.json(http, token, "POST", "/api/admin/integrations/alertmanager", huge)
                        .statusCode())
                .isEqualTo(413);
        // other admin calls keep their 64 KB cap
        assertThat(Attack.json(
                                http,
                                token,
                                "POST",
                                "/api/admin/integrations/rules",
                                "{\"name\": \"" + "x".repeat(70 * 1024) + "\"}")
                        .statusCode())
                .isEqualTo(413);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        String before = stored();
        for (String[] attack : List.of(
                new String[] {
                    "{\"name\": \"r\", \"matchers\": {\"a\": \"b\"}, \"channel\": \"nowhere\", \"state\": \"degraded\"}",
                    "channel"
                },
                new String[] {
                    "{\"name\": \"r\", \"matchers\": {\"a\": \"b\"}, \"channel\": \"fenfu-online\", \"state\": \"available\"}",
                    "state"
                },
                new String[] {
                    "{\"name\": \"r\", \"matchers\": {}, \"channel\": \"fenfu-online\", \"state\": \"degraded\"}",
                    "matchers"
                },
                new String[] {
                    "{\"name\": \"r\", \"matchers\": {\"a\": \"b\"}, \"channel\": \"fenfu-online\", \"state\": \"degraded\", \"autoPublishMinutes\": 0}",
                    "autoPublishMinutes"
                },
                new String[] {
                    "{\"name\": \"r\", \"matchers\": {\"a\": \"b\"}, \"channel\": \"fenfu-online\", \"state\": \"degraded\", \"holdDownMinutes\": 1.5}",
                    "holdDownMinutes"
                },
                new String[] {
                    "{\"name\": \"r\", \"matchers\": {\"a\": \"b\"}, \"channel\": \"fenfu-online\", \"state\": \"degraded\", \"templateId\": 999999}",
                    "templateId"
                },
                new String[] {
                    "{\"name\": \"r\\u0000\", \"matchers\": {\"a\": \"b\"}, \"channel\": \"fenfu-online\", \"state\": \"degraded\"}",
                    "name"
                })) {
            HttpResponse<String> answer = Attack.json(http, token, "POST", "/api/admin/integrations/rules", attack[0]);
            assertThat(answer.statusCode()).as(attack[0]).isEqualTo(400);
            assertThat(Attack.firstError(answer).get("field").asString())
                    .as(attack[0])
                    .isEqualTo(attack[1]);
        }
        assertThat(Attack.json(http, token, "POST", "/api/admin/proposals/999999/publish", "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aLinkBackThatIsNotHttpIsDropped() {
        HttpResponse<String> taken =
                Attack.json(http, token, "POST", "/api/admin/integrations/generic", """
                {"id": "js-link-%d", "status": "firing", "link": "javascript:alert(1)", "summary": "x"}""".formatted(System.nanoTime()));
        assertThat(taken.statusCode()).isEqualTo(202);
        JsonNode unmatched = Http.json(Attack.json(http, token, "GET", "/api/admin/integrations/unmatched", ""));
        assertThat(unmatched.toString()).doesNotContain("javascript:");
    }
}

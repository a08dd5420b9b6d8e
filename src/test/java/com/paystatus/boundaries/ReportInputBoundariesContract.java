package com.paystatus.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report doors as an attacker or a careless script would use them: wrong types, huge bodies,
 * control characters, unknown channels and symptoms. Each is a clear 400 (or 404, 413, 415) in the
 * user's language, nothing is counted or stored, and every public answer stays up.
 */
abstract class ReportInputBoundariesContract extends HttpTestBase {

    @Autowired
    JdbcTemplate jdbc;

    String before;
    long countsBefore;

    @BeforeEach
    void remember() {
        before = Attack.fingerprint(jdbc);
        countsBefore = counts();
    }

    @AfterEach
    void nothingChangedAndThePublicStaysUp() {
        assertThat(Attack.fingerprint(jdbc)).isEqualTo(before);
        assertThat(counts()).isEqualTo(countsBefore);
        Attack.publicAnswersStayUp(http);
    }

    private long counts() {
        Long n = jdbc.queryForObject("select coalesce(sum(reports), 0) from report_count", Long.class);
        return n == null ? 0 : n;
    }

    private HttpResponse<String> json(String path, String contentType, String body) {
        return http.send(HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> json(String body) {
        return json("/api/channels/fenfu-online/reports", "application/json", body);
    }

    private HttpResponse<String> form(String path, String body) {
        return http.send(HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    @Test
    void wrongTypesAreRefusedNamingTheField() {
        for (String body : List.of(
                "{\"symptom\": 5}",
                "{\"symptom\": true}",
                "{\"symptom\": 1.5}",
                "{\"symptom\": [\"unavailable\"]}",
                "{\"symptom\": {\"code\": \"unavailable\"}}")) {
            HttpResponse<String> answer = json(body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(Attack.firstError(answer).get("field").asString())
                    .as(body)
                    .isEqualTo("symptom");
        }
        for (String body : List.of("", "[]", "\"unavailable\"", "symptom=unavailable", "{\"symptom\": ", "null")) {
            HttpResponse<String> answer = json(body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void unknownSymptomsAndControlCharactersAreRefusedInTheUsersLanguage() {
        for (String symptom : List.of(
                "\"down\"",
                "\"UNAVAILABLE\"",
                "\" unavailable\"",
                "\"\"",
                "null",
                "\"unavail\\u0000able\"",
                "\"unavailable\\u0007\"",
                "\"\\ud800\"",
                "\"" + "x".repeat(500) + "\"")) {
            HttpResponse<String> answer = json("{\"symptom\": " + symptom + "}");
            assertThat(answer.statusCode()).as(symptom).isEqualTo(400);
            assertThat(Attack.firstError(answer).get("field").asString())
                    .as(symptom)
                    .isEqualTo("symptom");
        }
        assertThat(Attack.firstError(json("{}")).get("message").asString()).startsWith("请从列表中选择一种情况");
        HttpResponse<String> english =
                json("/api/channels/fenfu-online/reports?lang=en", "application/json", "{\"symptom\": \"down\"}");
        assertThat(Attack.firstError(english).get("message").asString())
                .startsWith("Choose one of the listed symptoms");
    }

    @Test
    void unknownChannelsAreNotFound() {
        HttpResponse<String> answer = json("/api/channels/no-such-channel/reports", "application/json", """
                {"symptom": "unavailable"}""");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(form("/channels/no-such-channel/reports", "symptom=unavailable")
                        .statusCode())
                .isEqualTo(404);
        assertThat(json("/api/channels/%E5%88%86/reports", "application/json", "{\"symptom\": \"other\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void hugeBodiesAndOtherMediaTypesAreRefusedBeforeAnythingIsCounted() {
        String padded = "{\"symptom\": \"unavailable\", \"pad\": \"" + "x".repeat(4_000) + "\"}";
        assertThat(json(padded).statusCode()).isEqualTo(413);
        HttpResponse<String> huge = json("{\"symptom\": \"" + "x".repeat(2_000_000) + "\"}");
        assertThat(huge.statusCode()).isBetween(400, 413);
        assertThat(json("/api/channels/fenfu-online/reports", "text/plain", "{\"symptom\": \"other\"}")
                        .statusCode())
                .isEqualTo(415);
    }

    @Test
    void theFormRefusesWhatIsNotOnTheList() {
        for (String body : List.of("", "symptom=down", "symptom=unavailable%00", "symptom=%E2%80%AEother")) {
            HttpResponse<String> answer = form("/channels/fenfu-online/reports", body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).doesNotContain("Whitelabel").doesNotContain("Exception");
        }
        assertThat(form("/channels/fenfu-online/reports", "symptom=down").body())
                .contains("请从列表中选择一种情况");
        assertThat(Http.json(http.get("/api/v2/components.json")).toString()).contains("\"reports_15m\":0");
    }
}

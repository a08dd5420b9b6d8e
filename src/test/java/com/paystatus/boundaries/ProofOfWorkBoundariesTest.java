package com.paystatus.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.TestClockConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Past the per-network limits, subscriptions and user reports need a solved proof-of-work challenge
 * (ALTCHA): the first requests of a network need none; then the form and the JSON door answer with a
 * challenge, a valid solution is taken once, and replays, forgeries, expired and malformed solutions
 * are refused without an error. Its own context: SMTP on (GreenMail), two subscriptions an hour per
 * network, a light challenge, and the client trusted as a proxy so that {@code X-Forwarded-For} stands
 * for other networks.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:pow-boundaries;DB_CLOSE_DELAY=-1",
            "spring.mail.host=127.0.0.1",
            "paystatus.notify.subscriptions-per-hour=2",
            "paystatus.pow.max-number=5000",
            "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1|0:0:0:0:0:0:0:1"
        })
@ActiveProfiles("test")
@Import(TestClockConfig.class)
class ProofOfWorkBoundariesTest extends HttpTestBase {

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    private static final JsonMapper JSON = new JsonMapper();
    private static final AtomicInteger READERS = new AtomicInteger();

    private HttpResponse<String> post(String path, String contentType, String body, String from) {
        return http.send(HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Content-Type", contentType)
                .header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> subscribe(String from, String altcha) {
        String email = "pow" + READERS.incrementAndGet() + "@example.com";
        return post(
                "/api/subscriptions",
                "application/json",
                altcha == null
                        ? "{\"email\": \"%s\", \"channels\": [], \"once\": false, \"lang\": \"zh\"}".formatted(email)
                        : "{\"email\": \"%s\", \"channels\": [], \"once\": false, \"lang\": \"zh\", \"altcha\": \"%s\"}"
                                .formatted(email, altcha),
                from);
    }

    /** Solves a challenge as the browser's script does, with the library's own solver. */
    static String solve(JsonNode challenge) throws Exception {
        Altcha.Solution solution = Altcha.solveChallenge(
                challenge.get("challenge").asString(),
                challenge.get("salt").asString(),
                Altcha.Algorithm.SHA256,
                challenge.get("maxnumber").asLong(),
                0);
        return payload(challenge, solution.number);
    }

    static String payload(JsonNode challenge, long number) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("algorithm", challenge.get("algorithm").asString());
        payload.put("challenge", challenge.get("challenge").asString());
        payload.put("number", number);
        payload.put("salt", challenge.get("salt").asString());
        payload.put("signature", challenge.get("signature").asString());
        return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(payload));
    }

    @Test
    void pastItsLimitANetworkSubscribesWithASolvedChallengeOnceAndNeverWithAReplayOrForgery() throws Exception {
        String network = "198.51.100.7";
        assertThat(subscribe(network, null).statusCode()).isEqualTo(202);
        assertThat(subscribe(network, null).statusCode())
                .as("the first ones need no challenge")
                .isEqualTo(202);

        HttpResponse<String> limited = subscribe(network, null);
        assertThat(limited.statusCode()).isEqualTo(429);
        JsonNode challenge = Http.json(limited).get("challenge");
        assertThat(challenge.get("algorithm").asString()).isEqualTo("SHA-256");
        assertThat(challenge.get("maxnumber").asLong()).isEqualTo(5000);

        String solved = solve(challenge);
        JsonNode other = Http.json(subscribe(network, null)).get("challenge");
        String forged = payload(other, wrongNumber(other));
        assertThat(subscribe(network, solved).statusCode()).as("solved").isEqualTo(202);
        assertThat(subscribe(network, solved).statusCode()).as("replayed").isEqualTo(429);
        assertThat(subscribe("198.51.100.8", solved).statusCode())
                .as("replayed from the same /24")
                .isEqualTo(429);
        assertThat(subscribe(network, forged).statusCode()).as("forged").isEqualTo(429);
        for (String junk : new String[] {"", "!!!", "e30=", "A".repeat(5000), "null", "\\u0000"}) {
            assertThat(subscribe(network, junk).statusCode()).as(junk).isIn(400, 429);
        }
        // another network is untouched
        assertThat(subscribe("203.0.113.9", null).statusCode()).isEqualTo(202);
    }

    @Test
    void anExpiredSolutionIsRefused() throws Exception {
        String network = "198.51.101.7";
        subscribe(network, null);
        subscribe(network, null);
        String solved = solve(Http.json(subscribe(network, null)).get("challenge"));
        clock.advance(Duration.ofMinutes(11));
        assertThat(subscribe(network, solved).statusCode()).isEqualTo(429);
    }

    @Test
    void theFormPastTheLimitShowsTheChallengeWithItsSolverAndNoToken() {
        String network = "198.51.102.7";
        String form = "email=form%40example.com&lang=zh";
        assertThat(post("/subscriptions", "application/x-www-form-urlencoded", form, network)
                        .statusCode())
                .isEqualTo(302);
        post("/subscriptions", "application/x-www-form-urlencoded", form, network);
        HttpResponse<String> page = post("/subscriptions", "application/x-www-form-urlencoded", form, network);
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.body())
                .contains("data-pow-challenge=")
                // the solver's address carries its content hash, as on every page
                .containsPattern("/js/pow(-[0-9a-f]{32})?\\.js")
                .contains("name=\"altcha\"")
                .contains("value=\"form@example.com\"")
                .doesNotContain("_csrf");
    }

    @Test
    void pastItsLimitANetworksReportCountsOnlyWithASolvedChallengeAndOnce() throws Exception {
        String network = "192.0.2.44";
        String slug = "fenfu-repayment";
        JsonNode answer = null;
        for (int i = 0; i < 6; i++) {
            answer = Http.json(post(
                    "/api/channels/" + slug + "/reports", "application/json", "{\"symptom\": \"other\"}", network));
        }
        assertThat(answer.get("counted").asBoolean())
                .as("past the network's five")
                .isFalse();
        JsonNode challenge = answer.get("challenge");
        assertThat(challenge).isNotNull();
        String solved = solve(challenge);
        String body = "{\"symptom\": \"other\", \"altcha\": \"%s\"}".formatted(solved);

        HttpResponse<String> counted = post("/api/channels/" + slug + "/reports", "application/json", body, network);
        assertThat(counted.statusCode()).isEqualTo(202);
        assertThat(Http.json(counted).get("counted").asBoolean()).isTrue();
        assertThat(Http.json(counted).has("challenge")).isFalse();
        JsonNode replay = Http.json(post("/api/channels/" + slug + "/reports", "application/json", body, network));
        assertThat(replay.get("counted").asBoolean()).as("replayed").isFalse();
        HttpResponse<String> junk = post(
                "/api/channels/" + slug + "/reports",
                "application/json",
                "{\"symptom\": \"other\", \"altcha\": 42}",
                network);
        assertThat(junk.statusCode()).isEqualTo(400);
    }

    private static long wrongNumber(JsonNode challenge) throws Exception {
        return (Altcha.solveChallenge(
                                challenge.get("challenge").asString(),
                                challenge.get("salt").asString(),
                                Altcha.Algorithm.SHA256,
                                challenge.get("maxnumber").asLong(),
                                0)
                        .number
                + 1);
    }
}

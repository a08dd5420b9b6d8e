package com.paystatus.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.status.PublicEndpoints;
import com.paystatus.support.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the boundary tests share: an admin API token (bearer tokens skip the password hash, so many
 * requests stay fast), a fingerprint of everything stored, and the list of public answers that must
 * stay up whatever was sent.
 */
final class Attack {

    private static final Map<Integer, String> TOKENS = new ConcurrentHashMap<>();

    /** Every public answer a reader or a machine can ask for, on the demo board. */
    static final List<String> PUBLIC_PATHS = publicPaths("fenfu-online");

    /** The public endpoints for one channel, the HTML pages also in English (notices come and go). */
    private static List<String> publicPaths(String slug) {
        List<String> paths = new java.util.ArrayList<>();
        for (PublicEndpoints.Endpoint endpoint : PublicEndpoints.ALL) {
            if (endpoint.isPerNotice() || endpoint.kept() == PublicEndpoints.Kept.NOT_KEPT) {
                continue;
            }
            paths.add(endpoint.with(slug));
            if (endpoint.door() == PublicEndpoints.Door.PAGE && !endpoint.path().startsWith("/api/")) {
                paths.add(endpoint.with(slug) + "?lang=en");
            }
        }
        return List.copyOf(paths);
    }

    private Attack() {}

    /**
     * A bearer token of an admin, made once per running application and made again when it no longer
     * works (a {@code FreshBoard} class in the shared context empties the database, tokens included).
     */
    static String token(Http http, int port) {
        String token = TOKENS.get(port);
        if (token != null && json(http, token, "GET", "/api/admin/channels", "").statusCode() == 200) {
            return token;
        }
        HttpResponse<String> created =
                http.adminJson("POST", "/api/admin/tokens", "{\"name\": \"boundary tests\", \"role\": \"admin\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        token = Http.json(created).get("secret").asString();
        TOKENS.put(port, token);
        return token;
    }

    static HttpResponse<String> json(Http http, String token, String method, String path, String body) {
        return http.send(HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /**
     * Everything stored that a request could change, as one comparable text: whole rows of the tables
     * whose rows change in place, and the count and highest id of those that only grow.
     */
    static String fingerprint(JdbcTemplate jdbc) {
        StringBuilder all = new StringBuilder();
        for (String table : List.of(
                "status_revision",
                "channel_group",
                "channel",
                "channel_alternative",
                "notice",
                "notice_channel",
                "app_user",
                "maintenance",
                "maintenance_channel",
                "notice_template",
                "api_token")) {
            all.append(table)
                    .append(": ")
                    .append(jdbc.queryForList("select * from " + table))
                    .append('\n');
        }
        for (String table : List.of("channel_state_change", "notice_update", "maintenance_update", "audit_event")) {
            all.append(table)
                    .append(": ")
                    .append(jdbc.queryForMap("select count(*) as n, max(id) as last from " + table))
                    .append('\n');
        }
        return all.toString();
    }

    /** Every public answer is a 200 (and never an error page). */
    static void publicAnswersStayUp(Http http) {
        for (String path : PUBLIC_PATHS) {
            HttpResponse<String> answer = http.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
        }
    }

    static JsonNode firstError(HttpResponse<String> problem) {
        assertThat(problem.headers().firstValue("Content-Type").orElse(""))
                .as(problem.body())
                .startsWith("application/problem+json");
        JsonNode errors = Http.json(problem).get("errors");
        assertThat(errors).as(problem.body()).isNotNull();
        return errors.get(0);
    }
}

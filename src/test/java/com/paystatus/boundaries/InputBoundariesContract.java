package com.paystatus.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Values that once broke the board, sent as an attacker or a careless script would send them: times
 * a billion years ahead, control characters and lone surrogates, numbers where text belongs. Each is
 * refused with a 400 that names the field, changes nothing stored, and leaves every public answer
 * up. Run on H2 and on PostgreSQL, which differ in what they can store (NUL).
 */
abstract class InputBoundariesContract extends HttpTestBase {

    @Autowired
    JdbcTemplate jdbc;

    String token;

    @BeforeEach
    void signIn() {
        token = Attack.token(http, port);
    }

    HttpResponse<String> api(String method, String path, String body) {
        return Attack.json(http, token, method, path, body);
    }

    String notice(String title, String eta) {
        return """
                {"title": %s, "kind": "fault", "message": "正在排查。",
                 "channels": {"fenfu-online": "unavailable"}, "estimatedRecoveryAt": %s}""".formatted(title, eta);
    }

    long postNotice() {
        HttpResponse<String> posted = api("POST", "/api/admin/notices", notice("\"线上购物暂不能使用\"", "null"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return Http.json(posted).get("id").asLong();
    }

    long scheduleMaintenance() {
        Instant start = clock.instant().plus(Duration.ofDays(1));
        HttpResponse<String> scheduled =
                api("POST", "/api/admin/maintenances", """
                {"title": "系统升级", "message": "升级期间暂停。", "channels": ["fenfu-offline"],
                 "startsAt": "%s", "endsAt": "%s"}""".formatted(start, start.plus(Duration.ofHours(2))));
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        return Http.json(scheduled).get("id").asLong();
    }

    /** Sends it, expects a 400 naming the field, and checks that nothing stored changed. */
    void refused(String method, String path, String body, String field) {
        String before = Attack.fingerprint(jdbc);
        HttpResponse<String> answer = api(method, path, body);
        assertThat(answer.statusCode())
                .as(method + " " + path + " " + body + " → " + answer.body())
                .isEqualTo(400);
        assertThat(Attack.firstError(answer).get("field").asString()).isEqualTo(field);
        assertThat(Attack.fingerprint(jdbc)).as("nothing stored changed").isEqualTo(before);
    }

    @Test
    void timesFarAheadAreRefusedAndNeverReachAPage() {
        long notice = postNotice();
        long maintenance = scheduleMaintenance();
        String yearAhead = clock.instant().plus(Duration.ofDays(400)).toString();
        for (String far : List.of(
                "+1000000000-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", yearAhead)) {
            String quoted = "\"" + far + "\"";
            refused("POST", "/api/admin/notices", notice("\"远期\"", quoted), "estimatedRecoveryAt");
            refused(
                    "POST",
                    "/api/admin/notices/" + notice + "/updates",
                    "{\"status\": \"identified\", \"message\": \"已定位。\", \"estimatedRecoveryAt\": " + quoted + "}",
                    "estimatedRecoveryAt");
            Instant start = clock.instant().plus(Duration.ofDays(2));
            refused("POST", "/api/admin/maintenances", """
                    {"title": "远期维护", "message": "说明", "channels": ["fenfu-offline"],
                     "startsAt": "%s", "endsAt": %s}""".formatted(start, quoted), "endsAt");
            refused(
                    "POST",
                    "/api/admin/maintenances/" + maintenance + "/extend",
                    "{\"message\": \"延长\", \"endsAt\": " + quoted + "}",
                    "endsAt");
            refused(
                    "POST",
                    "/api/admin/tokens",
                    "{\"name\": \"far\", \"role\": \"support\", \"expiresAt\": " + quoted + "}",
                    "expiresAt");
        }
        // A month ahead is an honest estimate.
        HttpResponse<String> month = api(
                "POST",
                "/api/admin/notices",
                notice("\"一个月\"", "\"" + clock.instant().plus(Duration.ofDays(30)) + "\""));
        assertThat(month.statusCode()).as(month.body()).isEqualTo(201);
        Attack.publicAnswersStayUp(http);
        assertThat(http.get("/notices/" + notice).statusCode()).isEqualTo(200);
    }

    @Test
    void controlCharactersNonCharactersAndLoneSurrogatesAreRefusedInEveryTextInput() {
        long notice = postNotice();
        // JSON escapes, so that the characters arrive exactly as written
        for (String bad : List.of(
                "\\u0000", "\\u0001", "\\u001b", "\\u007f", "\\u0085", "\\ufdd0", "\\uffff", "\\ufffe", "\\ud800",
                "\\udfff", "\\ud83d")) {
            String text = "\"标题" + bad + "结尾\"";
            refused("POST", "/api/admin/notices", notice(text, "null"), "title");
            refused("POST", "/api/admin/notices", """
                    {"title": "标题", "kind": "fault", "message": %s,
                     "channels": {"fenfu-online": "unavailable"}, "estimatedRecoveryAt": null}""".formatted(text), "message");
            refused(
                    "POST",
                    "/api/admin/notices/" + notice + "/updates",
                    "{\"status\": \"identified\", \"message\": " + text + ", \"estimatedRecoveryAt\": null}",
                    "message");
            refused(
                    "PUT",
                    "/api/admin/channels/fenfu-online/state",
                    "{\"state\": \"degraded\", \"reason\": " + text + "}",
                    "reason");
            refused("POST", "/api/admin/tokens", "{\"name\": " + text + ", \"role\": \"support\"}", "name");
            String before = Attack.fingerprint(jdbc);
            HttpResponse<String> key = api("POST", "/api/admin/notices", """
                    {"title": "标题", "kind": "fault", "message": "说明",
                     "channels": {"fenfu%sonline": "unavailable"}, "estimatedRecoveryAt": null}""".formatted(bad));
            assertThat(key.statusCode()).as(key.body()).isEqualTo(400);
            assertThat(Attack.fingerprint(jdbc)).isEqualTo(before);
        }
        // Line breaks, tabs, emoji and every script are text.
        HttpResponse<String> fine = api("POST", "/api/admin/notices", """
                {"title": "线上购物 🙂 Ünïcødé עברית", "kind": "fault", "message": "第一行\\r\\n第二行\\t完",
                 "channels": {"fenfu-online": "unavailable"}, "estimatedRecoveryAt": null}""");
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(201);
        assertThat(http.get("/").body()).contains("线上购物 🙂 Ünïcødé עברית");
        Attack.publicAnswersStayUp(http);
    }

    @Test
    void theEnglishTitleAndMessagesFollowTheChineseOnesRules() {
        long notice = postNotice();
        String post = """
                {"title": "标题", "titleEn": %s, "kind": "fault", "message": "说明", "messageEn": %s,
                 "channels": {"fenfu-online": "unavailable"}, "estimatedRecoveryAt": null}""";
        String update = """
                {"status": "identified", "message": "已定位", "messageEn": %s, "estimatedRecoveryAt": null}""";
        for (String bad : List.of(
                "\"Down\\u0000now\"",
                "\"Down\\u001bnow\"",
                "\"Down\\ufffe\"",
                "\"\\ud800\"",
                "123",
                "true",
                "[\"a\"]",
                "{\"en\": \"a\"}")) {
            refused("POST", "/api/admin/notices", post.formatted(bad, "null"), "titleEn");
            refused("POST", "/api/admin/notices", post.formatted("null", bad), "messageEn");
            refused("POST", "/api/admin/notices/" + notice + "/updates", update.formatted(bad), "messageEn");
        }
        String longTitle = "\"" + "T".repeat(com.paystatus.notice.NoticeDraft.MAX_TITLE + 1) + "\"";
        String longMessage = "\"" + "M".repeat(com.paystatus.notice.NoticeDraft.MAX_MESSAGE + 1) + "\"";
        refused("POST", "/api/admin/notices", post.formatted(longTitle, "null"), "titleEn");
        refused("POST", "/api/admin/notices", post.formatted("null", longMessage), "messageEn");
        refused("POST", "/api/admin/notices/" + notice + "/updates", update.formatted(longMessage), "messageEn");
        // at the limit, and blank (none written), both are fine
        String atLimit = "\"" + "T".repeat(com.paystatus.notice.NoticeDraft.MAX_TITLE) + "\"";
        HttpResponse<String> fine = api("POST", "/api/admin/notices", post.formatted(atLimit, "\"  \""));
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(201);
        assertThat(Http.json(fine).get("updates").get(0).get("messageEn").isNull())
                .isTrue();
        Attack.publicAnswersStayUp(http);
        assertThat(http.get("/?lang=en").statusCode()).isEqualTo(200);
    }

    @Test
    void controlCharactersInQueryStringsAndFormsAreAClear400NotAnError() {
        String before = Attack.fingerprint(jdbc);
        // Tomcat itself refuses an encoded NUL in the path, before the application sees it.
        assertThat(http.get("/channels/fenfu%00online").statusCode()).isEqualTo(400);
        assertThat(http.get("/channels/fenfu%01online", "Accept", "text/html").statusCode())
                .isEqualTo(400);
        for (String path : List.of(
                "/history?channel=a%00b", "/history?kind=%01", "/history?channel=%EF%BF%BF", "/history?page=1%00")) {
            HttpResponse<String> page = http.get(path, "Accept", "text/html");
            assertThat(page.statusCode()).as(path).isEqualTo(400);
            assertThat(page.body()).as(path).contains("没有做任何更改");
        }
        assertThat(http.get("/history?channel=a%00b&lang=en", "Accept", "text/html")
                        .body())
                .contains("Nothing was changed");
        HttpResponse<String> audit =
                http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/admin/audit?actor=x%00y"))
                        .header("Authorization", "Bearer " + token));
        assertThat(audit.statusCode()).isEqualTo(400);
        assertThat(Attack.firstError(audit).get("field").asString()).isEqualTo("actor");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ad%00min&password=x")));
        assertThat(login.statusCode()).isEqualTo(400);
        assertThat(Attack.fingerprint(jdbc)).isEqualTo(before);
        Attack.publicAnswersStayUp(http);
    }

    @Test
    void wrongJsonTypesAreRefusedNamingTheField() {
        long notice = postNotice();
        refused("POST", "/api/admin/notices", notice("123", "null"), "title");
        refused("POST", "/api/admin/notices", notice("true", "null"), "title");
        refused("POST", "/api/admin/notices", notice("[\"a\"]", "null"), "title");
        refused("POST", "/api/admin/notices", notice("{\"zh\": \"a\"}", "null"), "title");
        refused("POST", "/api/admin/notices", notice("\"标题\"", "1764000000000"), "estimatedRecoveryAt");
        refused("POST", "/api/admin/notices", """
                {"title": "标题", "kind": "fault", "message": "说明",
                 "channels": ["fenfu-online"], "estimatedRecoveryAt": null}""", "channels");
        refused("POST", "/api/admin/notices", """
                {"title": "标题", "kind": "fault", "message": "说明",
                 "channels": {"fenfu-online": 3}, "estimatedRecoveryAt": null}""", "channels.fenfu-online");
        refused(
                "POST",
                "/api/admin/notices/" + notice + "/updates",
                "{\"status\": \"identified\", \"message\": \"已定位\", \"estimatedRecoveryAt\": null, \"version\": \"0\"}",
                "version");
        refused(
                "POST",
                "/api/admin/notices/" + notice + "/updates",
                "{\"status\": \"identified\", \"message\": \"已定位\", \"estimatedRecoveryAt\": null, \"version\": 0.5}",
                "version");
        String channel = """
                {"nameZh": "分付线上购物", "nameEn": "Fenfu online", "groupZh": "分付", "groupEn": "Fenfu",
                 "displayOrder": %s, "alternatives": []}""";
        refused("PUT", "/api/admin/channels/fenfu-online", channel.formatted("1.5"), "displayOrder");
        refused("PUT", "/api/admin/channels/fenfu-online", channel.formatted("\"5\""), "displayOrder");
        refused("PUT", "/api/admin/channels/fenfu-online", channel.formatted("true"), "displayOrder");
        refused("PUT", "/api/admin/channels/fenfu-online", channel.formatted("1e400"), "displayOrder");
        refused("PUT", "/api/admin/users/admin/enabled", "{\"enabled\": \"false\"}", "enabled");
        refused("PUT", "/api/admin/users/admin/enabled", "{\"enabled\": 0}", "enabled");
        HttpResponse<String> english =
                Attack.json(http, token, "POST", "/api/admin/notices?lang=en", notice("7", "null"));
        assertThat(Attack.firstError(english).get("message").asString()).isEqualTo("Must be text (a JSON string)");
        Attack.publicAnswersStayUp(http);
    }

    @Test
    void everyErrorUnderTheApiIsAProblemDocument() {
        record Case(String method, String path, int status) {}
        for (Case c : List.of(
                new Case("GET", "/api/admin/notices/abc", 404),
                new Case("GET", "/api/admin/notices/99999999", 404),
                new Case("GET", "/api/admin/nothing-here", 404),
                new Case("GET", "/api/v2/nothing-here.json", 404),
                new Case("GET", "/api/nothing", 404),
                new Case("DELETE", "/api/admin/notices", 405),
                new Case("GET", "/api/admin/audit?from=yesterday", 400),
                new Case("GET", "/api/admin/audit?to=%2B999999999-12-31", 400),
                new Case("GET", "/api/admin/audit?page=x", 400),
                new Case("GET", "/api/admin/audit?page=2147483647", 400),
                new Case("GET", "/api/admin/audit?page=-1", 400),
                new Case("GET", "/api/channels/fenfu-online/availability?days=x", 400),
                new Case("GET", "/api/channels/nothing/availability", 404))) {
            for (String accept : List.of("application/json", "text/html", "*/*")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(http.base() + c.path()))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", accept)
                        .method(c.method(), HttpRequest.BodyPublishers.noBody()));
                String what = c.method() + " " + c.path() + " (" + accept + ") → " + answer.body();
                assertThat(answer.statusCode()).as(what).isEqualTo(c.status());
                assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                        .as(what)
                        .startsWith("application/problem+json");
                JsonNode problem = Http.json(answer);
                assertThat(problem.get("status").asInt()).as(what).isEqualTo(c.status());
                assertThat(problem.get("title").asString()).as(what).isNotBlank();
                assertThat(answer.body()).as(what).doesNotContain("Exception").doesNotContain("timestamp");
            }
        }
        HttpResponse<String> anonymous =
                http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/v2/summary.json"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(anonymous.statusCode()).isBetween(400, 499);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    /** One admin endpoint, with a body every field of which is valid, to spoil one field at a time. */
    record Target(String method, String path, String body) {}

    /**
     * Throws random values at every text, number and time field of every admin endpoint (seed and
     * count from {@code -Dpaystatus.fuzz.seed} and {@code -Dpaystatus.fuzz.requests}): never a 5xx,
     * a refused request changes nothing stored, and afterwards every public answer is still a 200.
     */
    @Test
    void randomValuesInEveryAdminFieldNeverBreakAnything() {
        long seed = Long.getLong("paystatus.fuzz.seed", 20261201L);
        int requests = Integer.getInteger("paystatus.fuzz.requests", 300);
        Fuzz fuzz = new Fuzz(seed, clock.instant());
        long open = postNotice();
        long resolved = postNotice();
        assertThat(api("POST", "/api/admin/notices/" + resolved + "/updates", """
                        {"status": "resolved", "message": "已恢复。", "estimatedRecoveryAt": null}""")
                        .statusCode())
                .isEqualTo(200);
        long maintenance = scheduleMaintenance();
        api("POST", "/api/admin/users", "{\"username\": \"fuzz-target\", \"role\": \"support\"}");
        String in30 = "\"" + clock.instant().plus(Duration.ofMinutes(30)) + "\"";
        List<Target> targets = List.of(
                new Target("POST", "/api/admin/notices", notice("\"标题\"", in30)),
                new Target("POST", "/api/admin/notices/" + open + "/updates", """
                        {"status": "identified", "message": "已定位。", "estimatedRecoveryAt": %s, "version": null}""".formatted(in30)),
                new Target("PUT", "/api/admin/notices/" + resolved + "/postmortem", "{\"postmortem\": \"复盘\"}"),
                new Target(
                        "PUT",
                        "/api/admin/channels/fenfu-transit/state",
                        "{\"state\": \"degraded\", \"reason\": \"原因\"}"),
                new Target("PUT", "/api/admin/channels/fuzz-channel", """
                        {"nameZh": "测试通道", "nameEn": "Test", "descriptionZh": "说明", "descriptionEn": "About",
                         "groupZh": "测试", "groupEn": "Tests", "displayOrder": 50, "alternatives": ["fenfu-online"]}"""),
                new Target("POST", "/api/admin/maintenances", """
                        {"title": "维护", "message": "说明", "channels": ["fenfu-offline"],
                         "startsAt": "%s", "endsAt": "%s"}""".formatted(
                                clock.instant().plus(Duration.ofDays(3)),
                                clock.instant().plus(Duration.ofDays(3).plusHours(2)))),
                new Target("POST", "/api/admin/maintenances/" + maintenance + "/extend", """
                        {"message": "延长", "endsAt": "%s"}""".formatted(
                                clock.instant().plus(Duration.ofDays(2)))),
                new Target("POST", "/api/admin/maintenances/" + maintenance + "/start", "{\"message\": \"提前开始\"}"),
                new Target("POST", "/api/admin/users", "{\"username\": \"fuzzed\", \"role\": \"support\"}"),
                new Target("PUT", "/api/admin/users/fuzz-target/role", "{\"role\": \"operator\"}"),
                new Target("PUT", "/api/admin/users/fuzz-target/enabled", "{\"enabled\": true}"),
                new Target(
                        "POST",
                        "/api/admin/tokens",
                        "{\"name\": \"fuzz\", \"role\": \"support\", \"expiresAt\": null}"));
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        List<String> failures = new java.util.ArrayList<>();
        var answered = new java.util.TreeMap<Integer, Integer>();
        for (int i = 0; i < requests && failures.size() < 10; i++) {
            Target target = fuzz.pick(targets);
            var body = (tools.jackson.databind.node.ObjectNode) mapper.readTree(target.body());
            List<String> fields = new java.util.ArrayList<>(body.propertyNames());
            String field = fuzz.pick(fields);
            if (body.get(field).isObject() && fuzz.below(2) == 0) {
                var inner = (tools.jackson.databind.node.ObjectNode) body.get(field);
                String key = fuzz.pick(new java.util.ArrayList<>(inner.propertyNames()));
                if (fuzz.below(2) == 0) {
                    inner.remove(key);
                    inner.put(fuzz.text(), fuzz.pick(List.of("unavailable", "degraded")));
                } else {
                    inner.set(key, fuzz.value());
                }
            } else {
                body.set(field, fuzz.value());
            }
            String sent = mapper.writeValueAsString(body);
            String before = Attack.fingerprint(jdbc);
            HttpResponse<String> answer = api(target.method(), target.path(), sent);
            String what = "#" + i + " " + target.method() + " " + target.path() + " " + field + " → "
                    + answer.statusCode() + " "
                    + answer.body().substring(0, Math.min(300, answer.body().length()));
            answered.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() >= 500) {
                failures.add(what);
            } else if (answer.statusCode() >= 400 && !Attack.fingerprint(jdbc).equals(before)) {
                failures.add("changed what is stored: " + what);
            }
        }
        for (int i = 0; i < requests / 8; i++) {
            String junk = java.net.URLEncoder.encode(fuzz.text(), java.nio.charset.StandardCharsets.UTF_8);
            for (String path : List.of(
                    "/history?channel=" + junk,
                    "/history?kind=" + junk + "&page=" + junk,
                    "/api/admin/audit?actor=" + junk + "&from=" + junk,
                    "/api/channels/fenfu-online/availability?days=" + junk)) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(http.base() + path))
                        .header("Authorization", "Bearer " + token));
                if (answer.statusCode() >= 500) {
                    failures.add(path + " → " + answer.statusCode());
                }
            }
        }
        System.out.printf("Fuzzed %d admin requests (seed %d): answers by status %s%n", requests, seed, answered);
        assertThat(failures).as("seed " + seed).isEmpty();
        Attack.publicAnswersStayUp(http);
        assertThat(http.get("/notices/" + open).statusCode()).isEqualTo(200);
        assertThat(http.get("/notices/" + resolved).statusCode()).isEqualTo(200);
    }
}

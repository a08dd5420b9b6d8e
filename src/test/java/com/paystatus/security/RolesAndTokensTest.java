package com.paystatus.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Each role against each admin action, over real HTTP, as an attacker holding that role would try:
 * pages with a signed-in session and the API with Basic and with tokens; expired and revoked tokens;
 * forced password change; sessions ended when an account is disabled or its password changes.
 */
@FullAppTest
class RolesAndTokensTest extends HttpTestBase {

    static final String PASSWORD = "a long passphrase for tests";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    UserService users;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void forgetFailures() {
        throttle.clear();
    }

    /** A person with this role who has already chosen their password. */
    String person(String role) {
        String name = role + "-" + SEQ.incrementAndGet();
        UserService.WithPassword created = users.create(name, role);
        users.changeOwnPassword(name, created.password(), PASSWORD);
        return name;
    }

    String token(String role, String expiresAt) {
        HttpResponse<String> created = http.adminJson("POST", "/api/admin/tokens", """
                {"name": "%s bot %d", "role": "%s", "expiresAt": %s}""".formatted(
                        role, SEQ.incrementAndGet(), role, expiresAt == null ? "null" : "\"" + expiresAt + "\""));
        assertThat(created.statusCode()).isEqualTo(201);
        return Http.json(created).get("secret").asString();
    }

    HttpResponse<String> call(String authorization, String method, String path, String json) {
        return http.send(
                HttpRequest.newBuilder(URI.create(http.base() + path))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json)),
                "Authorization",
                authorization);
    }

    record Action(String method, String path, String json) {}

    static final Action READ_CHANNELS = new Action("GET", "/api/admin/channels", "");
    static final Action POST_NOTICE = new Action("POST", "/api/admin/notices", """
            {"title": "出行变慢", "kind": "fault", "message": "排查中",
             "channels": {"fenfu-transit": "degraded"}, "estimatedRecoveryAt": null}""");
    static final Action SET_STATE = new Action("PUT", "/api/admin/channels/fenfu-transit/state", """
            {"state": "available", "reason": "恢复"}""");
    static final Action SCHEDULE_MAINTENANCE = new Action("POST", "/api/admin/maintenances", """
            {"title": "升级", "message": "升级", "channels": ["bank-card"],
             "startsAt": "2027-01-01T00:00:00Z", "endsAt": "2027-01-01T02:00:00Z"}""");
    static final Action EDIT_CHANNEL = new Action("PUT", "/api/admin/channels/roles-union-pay", """
            {"nameZh": "云闪付", "nameEn": "UnionPay", "groupZh": "其他支付方式", "groupEn": "Other ways to pay",
             "displayOrder": 9, "alternatives": []}""");
    static final Action LIST_USERS = new Action("GET", "/api/admin/users", "");
    static final Action CREATE_USER = new Action("POST", "/api/admin/users", """
            {"username": "intruder-made", "role": "admin"}""");
    static final Action CREATE_TOKEN = new Action("POST", "/api/admin/tokens", """
            {"name": "escalate", "role": "admin"}""");
    static final Action READ_AUDIT = new Action("GET", "/api/admin/audit", "");

    private void assertApi(String authorization, Map<Action, Integer> expected) {
        expected.forEach(
                (action, status) -> assertThat(call(authorization, action.method(), action.path(), action.json())
                                .statusCode())
                        .as(action.method() + " " + action.path())
                        .isEqualTo(status));
    }

    @Test
    void supportOnlyReadsTheApiWithBasicOrToken() {
        String basic = Http.basic(person("support"), PASSWORD);
        String bearer = "Bearer " + token("support", null);
        for (String auth : new String[] {basic, bearer}) {
            assertApi(
                    auth,
                    Map.of(
                            READ_CHANNELS, 200,
                            POST_NOTICE, 403,
                            SET_STATE, 403,
                            SCHEDULE_MAINTENANCE, 403,
                            EDIT_CHANNEL, 403,
                            LIST_USERS, 403,
                            CREATE_USER, 403,
                            CREATE_TOKEN, 403,
                            READ_AUDIT, 403));
        }
        HttpResponse<String> refused = call(basic, "POST", POST_NOTICE.path(), POST_NOTICE.json());
        assertThat(Http.json(refused).get("detail").asString()).isEqualTo("您的角色不能执行这项操作。");
    }

    @Test
    void operatorsPostNoticesStatesAndMaintenanceButNotChannelsUsersTokensOrAudit() {
        String basic = Http.basic(person("operator"), PASSWORD);
        String bearer = "Bearer " + token("operator", null);
        for (String auth : new String[] {basic, bearer}) {
            assertApi(
                    auth,
                    Map.of(
                            READ_CHANNELS, 200,
                            POST_NOTICE, 201,
                            SET_STATE, 200,
                            SCHEDULE_MAINTENANCE, 201,
                            EDIT_CHANNEL, 403,
                            LIST_USERS, 403,
                            CREATE_USER, 403,
                            CREATE_TOKEN, 403,
                            READ_AUDIT, 403));
        }
    }

    @Test
    void adminsDoEverything() {
        String bearer = "Bearer " + token("admin", null);
        assertApi(
                bearer,
                Map.of(
                        READ_CHANNELS, 200,
                        EDIT_CHANNEL, 201,
                        LIST_USERS, 200,
                        READ_AUDIT, 200));
        assertThat(call(bearer, "POST", "/api/admin/users", """
                        {"username": "made-by-token", "role": "support"}""").statusCode()).isEqualTo(201);
    }

    @Test
    void pagesFollowTheSameRoles() {
        String support = person("support");
        WebSession s = new WebSession(port);
        assertThat(WebSession.location(s.login(support, PASSWORD))).endsWith("/admin");
        assertThat(s.get("/admin").statusCode()).isEqualTo(200);
        assertThat(s.get("/admin/notices/new").statusCode()).isEqualTo(200);
        assertThat(s.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(s.get("/admin/tokens").statusCode()).isEqualTo(403);
        assertThat(s.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(s.get("/admin/channels/new").statusCode()).isEqualTo(403);
        String csrf = s.csrf("/admin");
        Map<String, String> notice = Map.of(
                "_csrf",
                csrf,
                "title",
                "t",
                "kind",
                "fault",
                "message",
                "m",
                "channelStates[fenfu-transit]",
                "unavailable",
                "estimateUnknown",
                "true");
        assertThat(s.postWithoutToken("/admin/notices", notice).statusCode()).isEqualTo(403);
        assertThat(s.postWithoutToken(
                                "/admin/channels/fenfu-transit/state",
                                Map.of("_csrf", csrf, "state", "unavailable", "reason", "x"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(s.postWithoutToken("/admin/users", Map.of("_csrf", csrf, "username", "x-y", "role", "admin"))
                        .statusCode())
                .isEqualTo(403);
        // support's pages offer no form it could not use
        assertThat(s.get("/admin").body())
                .doesNotContain("/admin/users")
                .doesNotContain("/admin/notices/new")
                .doesNotContain("/state\"");
        assertThat(s.get("/admin/templates").body()).doesNotContain("method=\"post\" class=\"inline\"");
        assertThat(s.get("/admin/notices/new").body()).doesNotContain("action=\"/admin/notices\"");

        String operator = person("operator");
        WebSession o = new WebSession(port);
        o.login(operator, PASSWORD);
        String ocsrf = o.csrf("/admin");
        assertThat(o.postWithoutToken(
                                "/admin/channels/fenfu-transit/state",
                                Map.of("_csrf", ocsrf, "state", "available", "reason", "恢复正常"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(o.postWithoutToken("/admin/channels", Map.of("_csrf", ocsrf, "slug", "evil"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(o.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(o.get("/admin").body()).contains("/admin/channels/fenfu-transit/state");
        assertThat(o.get("/admin/channels").body()).doesNotContain("/edit").doesNotContain("/admin/channels/new");
        assertThat(o.postWithoutToken("/admin/tokens", Map.of("_csrf", ocsrf, "name", "x", "role", "admin"))
                        .statusCode())
                .isEqualTo(403);

        WebSession a = new WebSession(port);
        a.login("admin", Http.ADMIN_PASSWORD);
        assertThat(a.get("/admin/users").body()).contains(support).contains(operator);
        assertThat(a.get("/admin/audit").statusCode()).isEqualTo(200);
    }

    @Test
    void aFormWithoutCsrfTokenIsRefusedEvenWhenSignedIn() {
        WebSession a = new WebSession(port);
        a.login("admin", Http.ADMIN_PASSWORD);
        assertThat(a.postWithoutToken(
                                "/admin/channels/fenfu-transit/state", Map.of("state", "unavailable", "reason", "x"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(a.postWithoutToken(
                                "/admin/users", Map.of("_csrf", "forged-token", "username", "sneaky", "role", "admin"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(users.all()).noneMatch(u -> u.username().equals("sneaky"));
    }

    @Test
    void theApiNeverAcceptsASignedInBrowserSession() {
        WebSession a = new WebSession(port);
        a.login("admin", Http.ADMIN_PASSWORD);
        HttpResponse<String> response = a.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/admin/users"))
                .GET());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void tokensAreShownOnceStoredAsHashesAndStopWorkingWhenRevokedOrExpired() {
        HttpResponse<String> created = http.adminJson(
                "POST", "/api/admin/tokens", """
                {"name": "monitoring", "role": "support", "expiresAt": "%s"}""".formatted(clock.instant().plus(Duration.ofHours(1))));
        JsonNode body = Http.json(created);
        String secret = body.get("secret").asString();
        long id = body.get("token").get("id").asLong();
        assertThat(secret).startsWith("pst_").hasSizeGreaterThan(40);
        assertThat(http.adminJson("GET", "/api/admin/tokens", "").body()).doesNotContain(secret);
        assertThat(jdbc.queryForObject("select token_hash from api_token where id = ?", String.class, id))
                .isEqualTo(ApiTokenService.hash(secret))
                .doesNotContain(secret);

        String bearer = "Bearer " + secret;
        assertThat(call(bearer, "GET", "/api/admin/channels", "").statusCode()).isEqualTo(200);
        assertThat(call("Bearer " + secret + "x", "GET", "/api/admin/channels", "")
                        .statusCode())
                .isEqualTo(401);
        assertThat(call("Bearer ", "GET", "/api/admin/channels", "").statusCode())
                .isEqualTo(401);

        clock.advance(Duration.ofHours(2));
        try {
            HttpResponse<String> expired = call(bearer, "GET", "/api/admin/channels", "");
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.headers().allValues("WWW-Authenticate")).anyMatch(v -> v.startsWith("Bearer"));
        } finally {
            clock.advance(Duration.ofHours(-2));
        }

        String other = token("operator", null);
        assertThat(call("Bearer " + other, "GET", "/api/admin/channels", "").statusCode())
                .isEqualTo(200);
        long otherId = Http.json(http.adminJson("GET", "/api/admin/tokens", ""))
                .get(0)
                .get("id")
                .asLong();
        assertThat(http.adminJson("DELETE", "/api/admin/tokens/" + otherId, "").statusCode())
                .isEqualTo(200);
        assertThat(call("Bearer " + other, "GET", "/api/admin/channels", "").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aGeneratedPasswordMustBeChangedAtFirstSignInAndFollowTheRules() {
        HttpResponse<String> created = http.adminJson("POST", "/api/admin/users", """
                {"username": "newcomer", "role": "operator"}""");
        assertThat(created.statusCode()).isEqualTo(201);
        String generated = Http.json(created).get("password").asString();

        WebSession s = new WebSession(port);
        assertThat(WebSession.location(s.login("newcomer", generated))).endsWith("/account/password");
        assertThat(WebSession.location(s.get("/admin"))).endsWith("/account/password");
        // nor can the API be used with it
        assertThat(call(Http.basic("newcomer", generated), "GET", "/api/admin/channels", "")
                        .statusCode())
                .isEqualTo(403);

        for (String[] bad : new String[][] {
            {"short pass", "密码至少需要 12 个字符"},
            {"newcomer-is-me-ok", "密码不能包含用户名"},
            {"password1234", "常见的泄露密码"},
        }) {
            HttpResponse<String> refused = s.post(
                    "/account/password",
                    "/account/password",
                    Map.of("currentPassword", generated, "newPassword", bad[0], "confirmPassword", bad[0]));
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains(bad[1]);
        }
        HttpResponse<String> changed = s.post(
                "/account/password",
                "/account/password",
                Map.of("currentPassword", generated, "newPassword", PASSWORD, "confirmPassword", PASSWORD));
        assertThat(WebSession.location(changed)).endsWith("/login?changed");
        assertThat(WebSession.location(s.get("/admin"))).endsWith("/login");
        assertThat(WebSession.location(s.login("newcomer", PASSWORD))).contains("/admin");
        assertThat(s.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void signingInGivesANewSessionId() {
        WebSession s = new WebSession(port);
        s.get("/login");
        String before = s.sessionId();
        s.login("admin", Http.ADMIN_PASSWORD);
        assertThat(s.sessionId()).isNotNull().isNotEqualTo(before);
    }

    @Test
    void disablingAUserOrResettingTheirPasswordEndsTheirSessionsEverywhere() {
        String name = person("operator");
        WebSession phone = new WebSession(port);
        WebSession laptop = new WebSession(port);
        phone.login(name, PASSWORD);
        laptop.login(name, PASSWORD);
        assertThat(phone.get("/admin").statusCode()).isEqualTo(200);

        assertThat(http.adminJson("POST", "/api/admin/users/" + name + "/password-reset", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(WebSession.location(phone.get("/admin"))).endsWith("/login");
        assertThat(WebSession.location(laptop.get("/admin"))).endsWith("/login");

        String other = person("support");
        WebSession desk = new WebSession(port);
        desk.login(other, PASSWORD);
        assertThat(desk.get("/admin").statusCode()).isEqualTo(200);
        assertThat(http.adminJson("PUT", "/api/admin/users/" + other + "/enabled", "{\"enabled\": false}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(WebSession.location(desk.get("/admin"))).endsWith("/login");
        assertThat(call(Http.basic(other, PASSWORD), "GET", "/api/admin/channels", "")
                        .statusCode())
                .isEqualTo(401);
        assertThat(WebSession.location(desk.login(other, PASSWORD))).contains("/login?error");
    }

    @Test
    void changingARoleTakesEffectAtOnceAndEndsTheOldSession() {
        String name = person("operator");
        WebSession s = new WebSession(port);
        s.login(name, PASSWORD);
        assertThat(s.get("/admin").statusCode()).isEqualTo(200);
        assertThat(http.adminJson("PUT", "/api/admin/users/" + name + "/role", "{\"role\": \"support\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(WebSession.location(s.get("/admin"))).endsWith("/login");
        assertThat(call(Http.basic(name, PASSWORD), POST_NOTICE.method(), POST_NOTICE.path(), POST_NOTICE.json())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theLastAdminCannotBeDisabledOrDemotedAndBadInputIsExplained() {
        HttpResponse<String> demote = http.adminJson("PUT", "/api/admin/users/admin/role", "{\"role\": \"support\"}");
        assertThat(demote.statusCode()).isEqualTo(400);
        HttpResponse<String> badRole = http.adminJson("POST", "/api/admin/users", """
                {"username": "someone", "role": "root"}""", "Accept-Language", "en");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(Http.json(badRole).get("errors").get(0).get("message").asString())
                .contains("Unknown role");
        HttpResponse<String> badName = http.adminJson("POST", "/api/admin/users", """
                {"username": "<script>", "role": "support"}""");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(users.all()).noneMatch(u -> u.username().contains("<"));
    }
}

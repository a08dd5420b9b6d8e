package com.paystatus.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.Http;
import com.paystatus.support.TestClock;
import com.paystatus.support.TestClockConfig;
import com.paystatus.support.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Brute force against the login form and HTTP Basic: slowed, then locked, with a clear message, and logged. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:security-boundaries;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import(TestClockConfig.class)
class LoginThrottlingTest {

    static final String PASSWORD = RolesAndTokensTest.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    TestClock clock;

    Http http;
    Instant start;

    @BeforeEach
    void connect() {
        http = new Http(port);
        start = clock.instant();
    }

    @AfterEach
    void forget() {
        throttle.clear();
        clock.set(start);
    }

    private String person(String name) {
        UserService.WithPassword created = users.create(name, "operator");
        users.changeOwnPassword(name, created.password(), PASSWORD);
        return name;
    }

    private HttpResponse<String> basic(String user, String password) {
        return http.send(
                HttpRequest.newBuilder(URI.create(http.base() + "/api/admin/channels"))
                        .GET(),
                "Authorization",
                Http.basic(user, password));
    }

    @Test
    void guessingOnePasswordOverBasicIsSlowedThenLocked() {
        String victim = person("victim-basic");
        for (int i = 1; i <= 5; i++) {
            assertThat(basic(victim, "guess number " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> slowed = basic(victim, PASSWORD);
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(Http.json(slowed).get("detail").asString()).contains("失败次数过多");

        for (int i = 6; i <= 10; i++) {
            clock.advance(Duration.ofSeconds(1L << (i - 5)));
            assertThat(basic(victim, "guess number " + i).statusCode()).isEqualTo(401);
        }
        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> locked = basic(victim, PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Http.json(locked).get("detail").asString()).contains("锁定").contains("10 分钟");

        assertThat(http.adminJson("GET", "/api/admin/audit?action=login.locked", "")
                        .body())
                .contains("user/victim-basic");
        assertThat(http.adminJson("GET", "/api/admin/audit?action=login.failure&actor=victim-basic", "")
                        .body())
                .contains("127.0.0.1");

        clock.advance(Duration.ofMinutes(11));
        assertThat(basic(victim, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void theLoginFormSaysWhenToTryAgain() {
        String victim = person("victim-form");
        WebSession s = new WebSession(port);
        for (int i = 1; i <= 5; i++) {
            assertThat(WebSession.location(s.login(victim, "wrong " + i))).endsWith("/login?error");
        }
        HttpResponse<String> refused = s.login(victim, PASSWORD);
        assertThat(WebSession.location(refused)).endsWith("/login?error");
        assertThat(s.get("/login?error").body()).contains("失败次数过多，请等待约 1 分钟后再试");
        assertThat(s.get("/admin").statusCode()).isEqualTo(302);

        clock.advance(Duration.ofSeconds(2));
        assertThat(WebSession.location(s.login(victim, PASSWORD))).contains("/admin");
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedToo() {
        for (int i = 1; i <= 30; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertThat(basic("nobody-" + i, "password " + i).statusCode())
                    .as("attempt " + i)
                    .isEqualTo(401);
        }
        HttpResponse<String> locked = basic("admin", Http.ADMIN_PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(http.adminJson("GET", "/api/admin/audit?action=login.locked&target=address/", "")
                        .statusCode())
                .isEqualTo(429);
        throttle.clear();
        assertThat(http.adminJson("GET", "/api/admin/audit?action=login.locked", "")
                        .body())
                .contains("address/127.0.0.1");
    }
}

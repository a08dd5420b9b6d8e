package com.paystatus.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.RawHttp;
import com.paystatus.support.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Brute force against the login form and HTTP Basic: slowed, then locked, with a clear message, and logged. */
@FullAppTest
class LoginThrottlingTest extends HttpTestBase {

    static final String PASSWORD = RolesAndTokensTest.PASSWORD;

    @Autowired
    UserService users;

    @Autowired
    LoginThrottle throttle;

    Instant start;

    @BeforeEach
    void connect() {
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
        assertThat(WebSession.location(refused)).endsWith("/login?error&wait=1");
        assertThat(s.get("/login?error&wait=1").body()).contains("失败次数过多，请等待 1 秒后再试");
        assertThat(s.get("/admin").statusCode()).isEqualTo(302);

        clock.advance(Duration.ofSeconds(2));
        assertThat(WebSession.location(s.login(victim, PASSWORD))).contains("/admin");
    }

    /** HTTP Basic from another loopback address: 127.0.1.x is another /24 than 127.0.0.1. */
    private RawHttp.Answer basicFrom(String address, String user, String password, String... headers) {
        String[] lines = new String[headers.length + 1];
        lines[0] = "Authorization: " + Http.basic(user, password);
        System.arraycopy(headers, 0, lines, 1, headers.length);
        return RawHttp.get(port, address, "/api/admin/channels", lines);
    }

    private static long secondsIn(String detail) {
        Matcher m = Pattern.compile("(\\d+) 秒").matcher(detail);
        assertThat(m.find()).as(detail).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void failuresFromOneNetworkLockOnlyThatNetworkOutOfTheAccount() {
        for (int i = 1; i <= 10; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertThat(basicFrom("127.0.1.5", "admin", "guess " + i).status()).isEqualTo(401);
        }
        RawHttp.Answer attacker = basicFrom("127.0.1.77", "admin", Http.ADMIN_PASSWORD);
        assertThat(attacker.status()).as("the same /24 stays locked out").isEqualTo(429);
        assertThat(attacker.body()).contains("锁定");

        assertThat(basicFrom("127.0.0.1", "admin", Http.ADMIN_PASSWORD).status())
                .as("the owner on another network signs in at once")
                .isEqualTo(200);
        assertThat(basicFrom("127.0.2.1", "admin", Http.ADMIN_PASSWORD).status())
                .isEqualTo(200);
    }

    @Test
    void aGuesserSpreadOverManyNetworksIsSlowedButTheOwnerGetsIn() {
        String victim = person("victim-spread");
        assertThat(basicFrom("127.0.0.1", victim, PASSWORD).status()).isEqualTo(200);
        for (int n = 1; n <= 24; n++) {
            clock.advance(Duration.ofSeconds(61));
            assertThat(basicFrom("127.0." + (10 + n) + ".1", victim, "guess " + n)
                            .status())
                    .as("guess from network " + n)
                    .isEqualTo(401);
        }
        RawHttp.Answer slowed = basicFrom("127.0.99.1", victim, "one more guess");
        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.header("Retry-After")).containsExactly("16");
        assertThat(secondsIn(slowed.json().get("detail").asString())).isEqualTo(16);

        assertThat(basicFrom("127.0.0.1", victim, PASSWORD).status())
                .as("the owner's own network is not slowed by others' guesses")
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(16));
        assertThat(basicFrom("127.0.99.1", victim, "after the wait").status()).isEqualTo(401);
    }

    @Test
    void theSlowDownMessageSaysTheSameSecondsAsRetryAfter() {
        String victim = person("victim-seconds");
        for (int i = 1; i <= 8; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(basic(victim, "guess " + i).statusCode()).isEqualTo(401);
        }
        clock.advance(Duration.ofMillis(1500));
        HttpResponse<String> slowed = basic(victim, PASSWORD);
        assertThat(slowed.statusCode()).isEqualTo(429);
        long header = Long.parseLong(slowed.headers().firstValue("Retry-After").orElseThrow());
        assertThat(header).isEqualTo(7);
        assertThat(secondsIn(Http.json(slowed).get("detail").asString())).isEqualTo(header);
    }

    @Test
    void aClientCannotClaimAnotherAddressWithForwardedFor() {
        String victim = person("victim-forwarded");
        for (int i = 1; i <= 5; i++) {
            assertThat(basicFrom("127.0.0.1", victim, "guess " + i, "X-Forwarded-For: 203.0.113." + i)
                            .status())
                    .isEqualTo(401);
        }
        assertThat(basic(victim, PASSWORD).statusCode())
                .as("the failures were counted under 127.0.0.1, whatever the header claimed")
                .isEqualTo(429);
        String audit = http.adminJson("GET", "/api/admin/audit?action=login.failure&actor=victim-forwarded", "")
                .body();
        assertThat(audit).contains("127.0.0.1").doesNotContain("203.0.113");
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

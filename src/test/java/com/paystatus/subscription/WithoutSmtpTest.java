package com.paystatus.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.FullAppTest;
import com.paystatus.support.HttpTestBase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With no SMTP server configured, email subscription is off: no page offers it, the API says so. */
@FullAppTest
class WithoutSmtpTest extends HttpTestBase {

    @Test
    void noPageOffersEmailSubscriptionAndTheApiAnswersNotFound() {
        for (String path : List.of("/", "/channels/fenfu-online", "/?lang=en")) {
            HttpResponse<String> page = http.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("action=\"/subscriptions\"");
        }
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/subscriptions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"a@example.com\"}")));
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}

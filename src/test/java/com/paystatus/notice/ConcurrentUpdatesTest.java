package com.paystatus.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The admin API's promise about versions: 409 only for a {@code version} the caller sent that has
 * changed meanwhile. Two operators (or robots) updating one notice at the same moment without one
 * both get their update in, in some order.
 */
@FullAppTest
class ConcurrentUpdatesTest extends HttpTestBase {

    @Test
    void updatesAtTheSameMomentWithoutAVersionAllLand() throws Exception {
        HttpResponse<String> posted = http.adminJson("POST", "/api/admin/notices", """
                {"title": "同时更新的故障", "kind": "fault", "message": "排查中",
                 "channels": {"alipay": "degraded"}, "estimatedRecoveryAt": null}""");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        long id = Http.json(posted).get("id").asLong();
        int rounds = 10;
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < rounds; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int writer = 0; writer < writers; writer++) {
                    String message = "更新 " + round + "-" + writer;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return http.adminJson(
                                "POST",
                                "/api/admin/notices/" + id + "/updates",
                                "{\"status\": \"identified\", \"message\": \"" + message
                                        + "\", \"estimatedRecoveryAt\": null}");
                    }));
                }
                start.countDown();
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode notice = Http.json(http.adminJson("GET", "/api/admin/notices/" + id, ""));
        List<String> messages = notice.get("updates").findValues("message").stream()
                .map(JsonNode::asString)
                .toList();
        for (int round = 0; round < rounds; round++) {
            for (int writer = 0; writer < writers; writer++) {
                assertThat(messages).contains("更新 " + round + "-" + writer);
            }
        }
        assertThat(messages).as("the first message and every update").hasSize(1 + rounds * writers);
    }
}

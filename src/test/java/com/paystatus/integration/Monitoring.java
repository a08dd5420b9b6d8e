package com.paystatus.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelDetails;
import com.paystatus.channel.ChannelService;
import com.paystatus.support.Http;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * A monitoring tool talking to PayStatus in tests: fresh channels, an {@code integration} token, the
 * recorded payloads of {@code src/test/resources/integrations/} pointed at the fresh channel (and with
 * fingerprints of their own, as the test shares its database with others).
 */
final class Monitoring {

    private static final AtomicInteger SEQ = new AtomicInteger();

    final Http http;
    final String token;

    Monitoring(Http http) {
        this.http = http;
        HttpResponse<String> created =
                http.adminJson("POST", "/api/admin/tokens", """
                {"name": "alertmanager %d", "role": "integration"}""".formatted(SEQ.incrementAndGet()));
        assertThat(created.statusCode()).isEqualTo(201);
        this.token = Http.json(created).get("secret").asString();
    }

    static String freshChannel(ChannelService channels) {
        String slug = "mon-" + System.nanoTime() % 1_000_000_000L + "-" + SEQ.incrementAndGet();
        channels.create(
                slug, new ChannelDetails("测试 " + slug, "Test " + slug, "", "", "测试", "Tests", 1, List.of()), "test");
        return slug;
    }

    /** A recorded payload about {@code slug} instead of the channel it names, with fingerprints unique to it. */
    static String payload(String name, String recordedSlug, String slug) {
        try (InputStream in = Monitoring.class.getResourceAsStream("/integrations/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace(recordedSlug, slug)
                    .replace("\"fingerprint\": \"", "\"fingerprint\": \"" + slug + "-")
                    .replace("\"id\": \"", "\"id\": \"" + slug + "-")
                    .replace("\"monitorID\": 7", "\"monitorID\": " + Math.abs(slug.hashCode()))
                    .replace("\"id\": 7,", "\"id\": " + Math.abs(slug.hashCode()) + ",");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> post(String receiver, String body, String... headers) {
        return send("Bearer " + token, "POST", "/api/admin/integrations/" + receiver, body, headers);
    }

    JsonNode accepted(String receiver, String body, String... headers) {
        HttpResponse<String> response = post(receiver, body, headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Http.json(response);
    }

    HttpResponse<String> send(String authorization, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request, headers);
    }

    /** The proposals about the channel, newest first, as the admin API lists them. */
    List<JsonNode> proposals(String slug) {
        HttpResponse<String> list = http.adminJson("GET", "/api/admin/proposals", "");
        assertThat(list.statusCode()).isEqualTo(200);
        return StreamSupport.stream(Http.json(list).spliterator(), false)
                .filter(p -> slug.equals(p.get("channel").asString()))
                .toList();
    }

    JsonNode onlyProposal(String slug) {
        List<JsonNode> proposals = proposals(slug);
        assertThat(proposals).hasSize(1);
        return proposals.get(0);
    }

    static String generic(String id, String status, String slug, String state) {
        return """
                {"id": "%s", "status": "%s", "channel": "%s", %s "summary": "探测失败 %s",
                 "startsAt": "2026-12-01T03:00:00Z"}""".formatted(id, status, slug, state == null ? "" : "\"state\": \"" + state + "\",", id);
    }
}

package com.paystatus.subscription;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelService;
import com.paystatus.shared.InvalidInputException;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks, signed with the Standard Webhooks headers ({@code webhook-id}, the same on every retry of a
 * delivery, so that receivers can drop repeats; {@code webhook-timestamp}; {@code webhook-signature}).
 * Every send is checked by {@link OutboundUrls} first, waits at most 10 s and follows no redirect; a
 * {@code 410 Gone} means "never again".
 */
@Component
class Webhooks implements Sender {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The receiver compares the signing time with its own wall clock, so this is the real time, not the app's. */
    private static final Clock WALL = Clock.systemUTC();

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final OutboundUrls urls;
    private final JsonMapper json;
    private final ChannelService channels;
    private final Links links;
    private final Clock clock;

    Webhooks(NotifyProperties properties, JsonMapper json, ChannelService channels, Links links, Clock clock) {
        this.urls = new OutboundUrls(properties.allowPrivateTargets());
        this.json = json;
        this.channels = channels;
        this.links = links;
        this.clock = clock;
    }

    OutboundUrls urls() {
        return urls;
    }

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public List<Outcome> send(long notificationId, NotificationContent content, List<Deliveries.Claimed> deliveries) {
        Map<String, ChannelRecord> known =
                channels.all().stream().collect(Collectors.toMap(ChannelRecord::slug, Function.identity()));
        List<Outcome> outcomes = new ArrayList<>();
        for (Deliveries.Claimed d : deliveries) {
            String body = json.writeValueAsString(
                    WebhookBody.of(content, known, links.unsubscribe(d.token()), links.page(content), clock.instant()));
            outcomes.add(post(d, "msg_" + d.id(), d.address(), d.secret(), body));
        }
        return outcomes;
    }

    /** Sends a signed test event to a new webhook; refuses it (a 400 on {@code url}) unless it answers 2xx. */
    void test(URI url, String secret) {
        Map<String, Object> body = Map.of(
                "meta",
                        Map.of(
                                "unsubscribe",
                                links.base() + "/",
                                "generated_at",
                                clock.instant().toString()),
                "page", Map.of("id", "paystatus"),
                "test", true);
        int status;
        try {
            status = post(url, "msg_test_" + Secrets.token().substring(0, 12), secret, json.writeValueAsString(body));
        } catch (IOException | WebhookSigningException e) {
            throw new InvalidInputException(
                    "url", "validation.webhookTest", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("url", "validation.webhookTest", "interrupted");
        }
        if (status < 200 || status >= 300) {
            throw new InvalidInputException("url", "validation.webhookTest", status);
        }
    }

    private Outcome post(Deliveries.Claimed d, String id, String address, String secret, String body) {
        try {
            URI url = urls.check("url", address);
            int status = post(url, id, secret, body);
            if (status >= 200 && status < 300) {
                return Outcome.delivered(d);
            }
            return new Outcome(d, "HTTP " + status, status == 410);
        } catch (InvalidInputException e) {
            return Outcome.failed(d, "refused: " + e.violations().get(0).messageKey());
        } catch (IOException | WebhookSigningException | RuntimeException e) {
            return Outcome.failed(d, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(d, "interrupted");
        }
    }

    private int post(URI url, String id, String secret, String body)
            throws IOException, InterruptedException, WebhookSigningException {
        long timestamp = Instant.now(WALL).getEpochSecond();
        String signature = new Webhook(secret).sign(id, timestamp, body);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "PayStatus-Webhooks")
                .header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

package io.sanctionsradar.notification.delivery;

import io.sanctionsradar.notification.subscriptions.WebhookAddresses;
import io.sanctionsradar.notification.subscriptions.WebhookSecrets;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one signed webhook: Standard Webhooks headers over the stored CloudEvent body, redirects never followed
 * (a redirect could lead anywhere, past the address check), and the whole exchange bounded by the timeout.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    private static final int ERROR_EXCERPT = 300;

    private final WebhookConfig config;
    private final WebhookAddresses addresses;
    private final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "webhook-http");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client;

    @Inject
    public WebhookSender(WebhookConfig config) {
        this.config = config;
        this.addresses = new WebhookAddresses(config.allowLoopback(), config.allowPrivateNetworks(),
                config.requireHttps());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .executor(io)
                .build();
    }

    public WebhookAddresses addresses() {
        return addresses;
    }

    public Outcome send(Delivery.Claimed delivery) {
        long started = System.nanoTime();
        URI url = URI.create(delivery.url());
        // again before every attempt: the name may resolve elsewhere now than when the subscription was saved
        Optional<String> refused = addresses.refusal(url);
        if (refused.isPresent()) {
            return new Outcome(null, elapsedMs(started), "refused: " + refused.get(), Optional.empty());
        }
        long timestamp = Instant.now().getEpochSecond();
        String webhookId = delivery.id().toString();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(config.timeout())
                .header("content-type", CONTENT_TYPE)
                .header("user-agent", "SanctionsRadar-Webhooks/1.0")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature",
                        WebhookSecrets.signatureHeader(delivery.secrets(), webhookId, timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<InputStream>> exchange =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            HttpResponse<InputStream> response = exchange.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            String excerpt = excerpt(response.body());
            String error = status >= 200 && status < 300 ? null
                    : "HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt);
            Optional<Duration> retryAfter = status == 429 || status == 503
                    ? RetrySchedule.parseRetryAfter(response.headers().firstValue("retry-after").orElse(null),
                    Instant.now())
                    : Optional.empty();
            return new Outcome(status, elapsedMs(started), error, retryAfter);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Outcome(null, elapsedMs(started), "timed out after " + config.timeout().toMillis() + " ms",
                    Optional.empty());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Outcome(null, elapsedMs(started), describe(cause), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            return new Outcome(null, elapsedMs(started), "interrupted (shutting down)", Optional.empty());
        }
    }

    private static String excerpt(InputStream body) {
        try (body) {
            byte[] head = body.readNBytes(ERROR_EXCERPT);
            return new String(head, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        String kind = cause.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    private static int elapsedMs(long startedNanos) {
        return (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    @PreDestroy
    void close() {
        io.shutdownNow();
    }
}

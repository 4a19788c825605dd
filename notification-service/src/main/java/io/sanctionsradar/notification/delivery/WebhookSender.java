package io.sanctionsradar.notification.delivery;

import io.opentelemetry.context.Context;
import io.sanctionsradar.notification.subscriptions.HostResolver;
import io.sanctionsradar.notification.subscriptions.WebhookAddresses;
import io.sanctionsradar.notification.subscriptions.WebhookConfig;
import io.sanctionsradar.notification.subscriptions.WebhookSecrets;
import io.sanctionsradar.support.tracing.Traces;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts one signed webhook: Standard Webhooks headers over the stored CloudEvent body, redirects never followed
 * (a redirect could lead anywhere, past the address check), and the whole exchange bounded by the timeout. The
 * host is resolved once, by the address check, and the request connects to the address checked (DNS rebinding),
 * while the Host header, TLS server name and certificate check keep the host name of the URL.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    private static final int ERROR_EXCERPT = 300;

    /** The receiver's answer: status, Retry-After, and the start of its body. */
    private record Answer(int status, String retryAfter, String excerpt) {
    }

    private final WebhookConfig config;
    private final WebhookAddresses addresses;
    private final HttpClient client;

    @Inject
    public WebhookSender(WebhookConfig config, Vertx vertx) {
        this(config, vertx, HostResolver.SYSTEM, new HttpClientOptions());
    }

    /** With a resolver and client options of its own (tests: a rebinding resolver, a test certificate). */
    WebhookSender(WebhookConfig config, Vertx vertx, HostResolver resolver, HttpClientOptions options) {
        this.config = config;
        this.addresses = WebhookAddresses.from(config, resolver);
        this.client = vertx.createHttpClient(options
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setVerifyHost(true)
                        // the worker's span is the client span: Vert.x adds neither one of its own nor a header
                        .setTracingPolicy(TracingPolicy.IGNORE),
                new PoolOptions().setHttp1MaxSize(config.concurrency()));
    }

    public Outcome send(Delivery.Claimed delivery) {
        long started = System.nanoTime();
        URI url = URI.create(delivery.url());
        // again before every attempt: the name may resolve elsewhere now than when the subscription was saved
        WebhookAddresses.Verdict verdict = addresses.check(url);
        if (verdict.refusal().isPresent()) {
            return new Outcome(null, elapsedMs(started), "refused: " + verdict.refusal().get(), Optional.empty());
        }
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        CompletableFuture<Answer> exchange = post(url, verdict.addresses().get(0), delivery, request);
        try {
            Answer answer = exchange.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            int status = answer.status();
            String error = status >= 200 && status < 300 ? null
                    : "HTTP " + status + (answer.excerpt().isEmpty() ? "" : ": " + answer.excerpt());
            Optional<Duration> retryAfter = status == 429 || status == 503
                    ? RetrySchedule.parseRetryAfter(answer.retryAfter(), Instant.now())
                    : Optional.empty();
            return new Outcome(status, elapsedMs(started), error, retryAfter);
        } catch (TimeoutException e) {
            cancel(request);
            return new Outcome(null, elapsedMs(started), "timed out after " + config.timeout().toMillis() + " ms",
                    Optional.empty());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Outcome(null, elapsedMs(started), describe(cause), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel(request);
            return new Outcome(null, elapsedMs(started), "interrupted (shutting down)", Optional.empty());
        }
    }

    private CompletableFuture<Answer> post(URI url, InetAddress checked, Delivery.Claimed delivery,
                                           AtomicReference<HttpClientRequest> request) {
        boolean tls = url.getScheme().equalsIgnoreCase("https");
        int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
        long timestamp = Instant.now().getEpochSecond();
        String webhookId = delivery.id().toString();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(url.getHost())
                .setPort(port)
                .setSsl(tls)
                .setURI(pathAndQuery(url))
                // connect to the address that was checked, never to a fresh answer from DNS
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(checked, port)))
                .setFollowRedirects(false)
                .putHeader("content-type", CONTENT_TYPE)
                .putHeader("user-agent", "SanctionsRadar-Webhooks/1.0")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature",
                        WebhookSecrets.signatureHeader(delivery.secrets(), webhookId, timestamp, delivery.body()));
        String traceparent = Traces.traceparentOf(Context.current()); // the attempt's span, when tracing is on
        if (traceparent != null) {
            options.putHeader(Traces.TRACEPARENT, traceparent);
        }
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        client.request(options)
                .compose(sending -> {
                    request.set(sending);
                    return sending.send(Buffer.buffer(delivery.body(), StandardCharsets.UTF_8.name()));
                })
                .onSuccess(response -> read(response, answer))
                .onFailure(answer::completeExceptionally);
        return answer;
    }

    /** Keeps the first bytes of the body for the delivery log; the rest is not waited for. */
    private static void read(HttpClientResponse response, CompletableFuture<Answer> answer) {
        Buffer head = Buffer.buffer();
        Runnable done = () -> answer.complete(new Answer(response.statusCode(), response.getHeader("retry-after"),
                head.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim()));
        try {
            response.exceptionHandler(failure -> done.run());
            response.endHandler(end -> done.run());
            response.handler(chunk -> {
                head.appendBuffer(chunk, 0, Math.min(chunk.length(), ERROR_EXCERPT - head.length()));
                if (head.length() >= ERROR_EXCERPT && !answer.isDone()) {
                    done.run();
                    response.request().reset(); // a long body is not read to its end
                }
            });
        } catch (IllegalStateException ended) {
            // a short answer can end before this callback runs, and Vert.x refuses handlers on an ended response:
            // the status is what counts (without this, the attempt hung until its timeout and logged no status)
            done.run();
        }
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static void cancel(AtomicReference<HttpClientRequest> request) {
        HttpClientRequest sent = request.get();
        if (sent != null) {
            sent.reset();
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
        client.close();
    }
}

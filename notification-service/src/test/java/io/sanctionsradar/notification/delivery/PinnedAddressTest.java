package io.sanctionsradar.notification.delivery;

import io.quarkus.runtime.configuration.DurationConverter;
import io.sanctionsradar.infra.testing.WebhookReceiver;
import io.sanctionsradar.notification.subscriptions.HostResolver;
import io.sanctionsradar.notification.subscriptions.WebhookConfig;
import io.sanctionsradar.notification.subscriptions.WebhookSecrets;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DNS rebinding: the host is resolved once, checked, and the webhook goes to that address and no other. */
class PinnedAddressTest {

    private static final String HOST = "rebind.test";
    private static Vertx vertx;

    /** A rebinding DNS: the receiver's address the first time it is asked, an address nobody listens on after. */
    static final class RebindingResolver implements HostResolver {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (!host.equals(HOST)) {
                throw new UnknownHostException(host);
            }
            String address = asked.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2";
            return new InetAddress[] {InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress())};
        }
    }

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void the_webhook_goes_to_the_address_that_was_checked_with_the_host_name_in_the_host_header() {
        RebindingResolver dns = new RebindingResolver();
        WebhookSender sender = new WebhookSender(config(), vertx, dns, new HttpClientOptions());
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            int port = URI.create(receiver.url()).getPort();

            Outcome outcome = sender.send(claim("http://" + HOST + ":" + port + "/hooks"));

            assertTrue(outcome.delivered(), outcome.toString());
            assertEquals(1, receiver.received().size());
            assertEquals(HOST + ":" + port, receiver.received().get(0).header("host"));
            assertEquals(1, dns.asked.get(), "resolved once, for the check");
        } finally {
            sender.close();
        }
    }

    @Test
    void over_tls_the_host_name_is_the_server_name_indication_and_the_name_the_certificate_is_checked_against()
            throws Exception {
        PfxOptions certificate = selfSignedCertificate(HOST);
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true)
                        .setKeyCertOptions(certificate))
                .requestHandler(request -> {
                    seen.add(request.connection().indicatedServerName() + " " + request.getHeader("host"));
                    request.response().setStatusCode(204).end();
                })
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        RebindingResolver dns = new RebindingResolver();
        WebhookSender sender = new WebhookSender(config(), vertx, dns,
                new HttpClientOptions().setTrustOptions(certificate));
        try {
            int port = server.actualPort();

            Outcome outcome = sender.send(claim("https://" + HOST + ":" + port + "/hooks"));

            assertTrue(outcome.delivered(), outcome.toString());
            assertEquals(List.of(HOST + " " + HOST + ":" + port), seen);
            assertEquals(1, dns.asked.get());
        } finally {
            sender.close();
            server.close();
        }
    }

    /** A certificate for the name only, made by the JDK's keytool (Netty's generator needs Bouncy Castle). */
    private static PfxOptions selfSignedCertificate(String name) throws Exception {
        Path store = Files.createTempDirectory("pinned").resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=" + name, "-ext", "san=dns:" + name,
                "-validity", "1", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "secret")
                .inheritIO().start();
        assertEquals(0, keytool.waitFor());
        return new PfxOptions().setPath(store.toString()).setPassword("secret");
    }

    private static Delivery.Claimed claim(String url) {
        return new Delivery.Claimed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 0, url,
                "{\"specversion\":\"1.0\"}", List.of(WebhookSecrets.generate()), null);
    }

    private static WebhookConfig config() {
        return new SmallRyeConfigBuilder().withMapping(WebhookConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(Map.of("webhooks.allow-loopback", "true",
                        "webhooks.timeout", "20s", "webhooks.connect-timeout", "1s"), "test", 500))
                .build().getConfigMapping(WebhookConfig.class);
    }
}

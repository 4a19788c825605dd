// A webhook receiver for trying Sanctions Radar out: prints each webhook it gets and whether its Standard Webhooks
// signature verifies. JDK only: java scripts/WebhookReceiver.java [PORT] [whsec_SECRET]
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

public class WebhookReceiver {

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9000;
        String secret = args.length > 1 ? args[1] : System.getenv("WEBHOOK_SECRET");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
                String verdict = secret == null ? "not checked (no secret given)"
                        : verifies(secret, id, timestamp, signatures, body) ? "valid" : "INVALID";
                System.out.printf("%s webhook-id=%s signature %s%n%s%n%n", Instant.now(), id, verdict,
                        new String(body, StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
        System.out.println("listening on http://127.0.0.1:" + port + "/ (Ctrl-C to stop)");
    }

    static boolean verifies(String secret, String id, String timestamp, String header, byte[] body) {
        try {
            if (id == null || timestamp == null || header == null
                    || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            ByteArrayOutputStream signed = new ByteArrayOutputStream();
            signed.writeBytes((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            signed.writeBytes(body);
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.toByteArray())))
                    .getBytes(StandardCharsets.UTF_8);
            for (String candidate : header.trim().split(" +")) {
                if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}

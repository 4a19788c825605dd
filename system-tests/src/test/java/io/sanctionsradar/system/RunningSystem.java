package io.sanctionsradar.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.infra.DevTokens;
import io.sanctionsradar.infra.testing.TestInfrastructure;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The three packaged services ({@code target/quarkus-app/quarkus-run.jar}) as separate processes on the test
 * JVM's broker and database server, each with a fresh database; any of them can be killed and started again on
 * its own database and port. Logs go to {@code target/system/<service>.log}. They verify bearer tokens with a
 * development key pair in {@code target/system/keys}; every request carries a token with every role over every
 * portfolio unless the caller passes its own (or none).
 */
final class RunningSystem implements AutoCloseable {

    enum Service {
        DESIGNATION("designation-service"), SCREENING("screening-service"), NOTIFICATION("notification-service");

        final String module;

        Service(String module) {
            this.module = module;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration READY = Duration.ofSeconds(120);
    // one key for the run: a restarted notification-service must open the secrets it sealed before
    private static final String SECRET_KEY = java.util.Base64.getEncoder().encodeToString(
            java.security.SecureRandom.getSeed(32));
    static final List<String> ALL_ROLES = List.of("analyst", "screener", "subscriptions-admin", "auditor");
    static final DevTokens KEYS = DevTokens.in(Path.of("target", "system", "keys"));

    private final TestInfrastructure infra = TestInfrastructure.get();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<Service, Process> processes = new EnumMap<>(Service.class);
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, String> databases = new EnumMap<>(Service.class);
    // where the log of each service's current process begins: the log file is appended to across launches
    private final Map<Service, Long> logStarts = new EnumMap<>(Service.class);
    private final String everything = token(ALL_ROLES);

    static RunningSystem start() throws Exception {
        return start(Map.of());
    }

    /** With extra system properties ("-Dname=value") for some services' first launch. */
    static RunningSystem start(Map<Service, List<String>> settings) throws Exception {
        RunningSystem system = new RunningSystem();
        for (Service service : Service.values()) {
            system.databases.put(service, system.infra.createFreshDatabase(service.module.split("-")[0]));
            system.ports.put(service, freePort());
            system.launch(service, settings.getOrDefault(service, List.of()));
        }
        for (Service service : Service.values()) {
            system.awaitReady(service);
        }
        return system;
    }

    String url(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** As a crash would: no shutdown hooks, no goodbye. */
    void kill(Service service) throws InterruptedException {
        Process process = processes.remove(service);
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts it again on its own database and port, with these system properties, and waits until it is ready. */
    void restart(Service service, String... settings) throws Exception {
        launch(service, List.of(settings));
        awaitReady(service);
    }

    /** Waits until the current process of this service has logged {@code text}. */
    void awaitLog(Service service, String text, Duration patience) throws Exception {
        Path log = log(service);
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(all.length, logStarts.get(service));
            if (new String(all, from, all.length - from, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(service.module + " did not log \"" + text + "\" within " + patience);
            }
            Thread.sleep(100);
        }
    }

    private static Path log(Service service) {
        return Path.of("target", "system", service.module + ".log");
    }

    private void launch(Service service, List<String> settings) throws IOException {
        Path log = log(service);
        Files.createDirectories(log.getParent());
        logStarts.put(service, Files.exists(log) ? Files.size(log) : 0L);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + ports.get(service),
                "-Dkafka.bootstrap.servers=" + infra.kafkaBootstrapServers(),
                "-Dquarkus.datasource.jdbc.url=" + databases.get(service),
                "-Dquarkus.datasource.username=" + infra.postgresUser(),
                "-Dquarkus.datasource.password=" + infra.postgresPassword()));
        if (service == Service.NOTIFICATION) {
            command.addAll(List.of(
                    // a broker shared with other test runs must not hand this run's events to an earlier group
                    "-Dmp.messaging.incoming.designations.group.id=system-" + run,
                    "-Dmp.messaging.incoming.alerts.group.id=system-" + run,
                    "-Dwebhooks.allow-loopback=true", "-Dwebhooks.require-https=false",
                    "-Dwebhooks.secret-key=" + SECRET_KEY,
                    "-Dwebhooks.retry-schedule=500ms,1s,2s,4s,8s", "-Dwebhooks.poll-interval=200ms",
                    "-Dwebhooks.connect-timeout=1s", "-Dwebhooks.timeout=2s"));
        }
        command.addAll(settings);
        command.addAll(List.of("-jar", jar(service)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // as a deployment configures it: the standard MicroProfile JWT variables, roles in the groups claim
        builder.environment().put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", KEYS.publicKeyFile().toString());
        builder.environment().put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
        builder.environment().remove("SMALLRYE_JWT_PATH_GROUPS");
        processes.put(service, builder.start());
    }

    private static String jar(Service service) {
        File jar = new File("../" + service.module + "/target/quarkus-app/quarkus-run.jar");
        if (!jar.isFile()) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        return jar.getAbsolutePath();
    }

    private void awaitReady(Service service) throws Exception {
        Instant deadline = Instant.now().plus(READY);
        while (Instant.now().isBefore(deadline)) {
            Process process = processes.get(service);
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module + " exited with " + process.exitValue()
                        + "; see target/system/" + service.module + ".log");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException stillStarting) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service.module + " not ready within " + READY);
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroyForcibly);
        processes.clear();
    }

    // --- HTTP -----------------------------------------------------------------------------------------------

    record Answer(int status, JsonNode body, String text, HttpHeaders headers) {
    }

    /** "Bearer …", a token of these roles over every portfolio, valid for as long as any test runs. */
    static String token(List<String> roles) {
        return "Bearer " + KEYS.mint("system-test", roles, List.of("*"), Duration.ofHours(2));
    }

    Answer get(Service service, String path) throws Exception {
        return get(service, path, everything);
    }

    /** With this Authorization header, or none if {@code authorization} is null. */
    Answer get(Service service, String path, String authorization) throws Exception {
        return exchange(HttpRequest.newBuilder(URI.create(url(service) + path)).GET(), authorization);
    }

    Answer post(Service service, String path, String json) throws Exception {
        return post(service, path, json, everything);
    }

    /** With this Authorization header, or none if {@code authorization} is null. */
    Answer post(Service service, String path, String json, String authorization) throws Exception {
        return exchange(HttpRequest.newBuilder(URI.create(url(service) + path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), authorization);
    }

    Answer put(Service service, String path, String json) throws Exception {
        return exchange(HttpRequest.newBuilder(URI.create(url(service) + path))
                .header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), everything);
    }

    /** PUT with If-Match, as an amendment of a designation wants (every role). */
    Answer putIfMatch(Service service, String path, String json, String etag) throws Exception {
        return exchange(HttpRequest.newBuilder(URI.create(url(service) + path))
                .header("content-type", "application/json").header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString(json)), everything);
    }

    /** An answer and how long it took; status -1 and a null body when none came within the patience given. */
    record Timed(int status, JsonNode body, HttpHeaders headers, Duration took) {
    }

    /** GET with this much patience (and every role), timed from sending to the whole body. */
    Timed timed(Service service, String path, Duration patience) throws Exception {
        return timed(HttpRequest.newBuilder(URI.create(url(service) + path)).GET(), patience);
    }

    /** POST of this JSON with this much patience (and every role), timed from sending to the whole body. */
    Timed timedPost(Service service, String path, String json, Duration patience) throws Exception {
        return timed(HttpRequest.newBuilder(URI.create(url(service) + path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), patience);
    }

    private Timed timed(HttpRequest.Builder request, Duration patience) throws Exception {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.header("Authorization", everything).timeout(patience)
                    .build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
            return new Timed(response.statusCode(), body, response.headers(), Duration.ofNanos(System.nanoTime() - start));
        } catch (java.net.http.HttpTimeoutException noAnswer) {
            return new Timed(-1, null, null, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** A multipart/form-data POST with text fields and one file part per given file. */
    Answer upload(Service service, String path, Map<String, String> fields, List<Path> files) throws Exception {
        String boundary = "----system-test-" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Path file : files) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            parts.add(Files.readAllBytes(file));
            parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return exchange(HttpRequest.newBuilder(URI.create(url(service) + path))
                .header("content-type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)), everything);
    }

    private static Answer exchange(HttpRequest.Builder request, String authorization) throws Exception {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode body = text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        return new Answer(response.statusCode(), body, text, response.headers());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

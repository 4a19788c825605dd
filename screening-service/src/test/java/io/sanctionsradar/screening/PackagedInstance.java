package io.sanctionsradar.screening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.infra.DevTokens;
import io.sanctionsradar.infra.testing.TestInfrastructure;
import io.sanctionsradar.infra.testing.TestTokens;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged screening-service ({@code target/quarkus-app}) run as a process of its own, as in production. */
public record PackagedInstance(String name, Process process, int port, String jdbcUrl, Path log) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Starts the service with a small heap and the serial collector, as tests want. */
    public static PackagedInstance start(String name, String jdbcUrl, String instanceId, String heap,
                                         Map<String, String> properties) throws IOException {
        return start(name, jdbcUrl, instanceId, List.of("-Xmx" + heap, "-XX:+UseSerialGC"), properties);
    }

    /**
     * Starts the service on this database with these JVM options and system properties; {@code instanceId} null:
     * the default id. Its output goes to {@code target/instances/NAME.log}.
     */
    public static PackagedInstance start(String name, String jdbcUrl, String instanceId, List<String> jvmOptions,
                                         Map<String, String> properties) throws IOException {
        TestInfrastructure infra = TestInfrastructure.get();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "instances", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + infra.kafkaBootstrapServers(),
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + infra.postgresUser(),
                "-Dquarkus.datasource.password=" + infra.postgresPassword(),
                "-Dmp.jwt.verify.publickey.location=" + TestTokens.keys().publicKeyFile(),
                "-Dmp.jwt.verify.issuer=" + DevTokens.ISSUER));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", new File("target/quarkus-app/quarkus-run.jar").getAbsolutePath()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (instanceId != null) {
            builder.environment().put("SCREENING_INSTANCE_ID", instanceId); // as the Helm chart sets it
        }
        return new PackagedInstance(name, builder.start(), port, jdbcUrl, log);
    }

    /** A GET with this bearer token; IOException while the instance is not listening. */
    public HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", bearer).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request with a JSON body and this bearer token. */
    public HttpResponse<String> send(String method, String path, String bearer, String json)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Whether the instance is ready and rebuilding no monitoring shard (its {@code monitoring} readiness check has
     * {@code building} empty); false while it does not answer.
     */
    public boolean shardsLive(String bearer) {
        try {
            HttpResponse<String> response = get("/q/health/ready", bearer);
            if (response.statusCode() != 200) {
                return false;
            }
            for (JsonNode check : JSON.readTree(response.body()).path("checks")) {
                if ("monitoring".equals(check.path("name").asText())) {
                    return "[]".equals(check.path("data").path("building").asText());
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the process at once, as a crash or an OOM kill would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

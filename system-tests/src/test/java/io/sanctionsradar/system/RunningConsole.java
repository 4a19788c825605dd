package io.sanctionsradar.system;

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
import java.time.Instant;
import java.util.List;

/**
 * The packaged analyst-console as its own process over a {@link RunningSystem}, with the stack profile's
 * development sign-in on the system's key pair (so its tokens are the ones the services trust).
 * Log: {@code target/system/analyst-console.log}.
 */
final class RunningConsole implements AutoCloseable {

    private final Process process;
    private final int port;

    private RunningConsole(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RunningConsole start(RunningSystem system) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        File jar = new File("../analyst-console/target/quarkus-app/quarkus-run.jar");
        if (!jar.isFile()) {
            throw new IllegalStateException(jar + " is missing: package the console first (./mvnw verify does)");
        }
        Path log = Path.of("target", "system", "analyst-console.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-jar", jar.getAbsolutePath()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("QUARKUS_PROFILE", "stack");
        builder.environment().put("HTTP_PORT", String.valueOf(port));
        builder.environment().put("DEV_SIGN_IN_KEY_DIR", RunningSystem.KEYS.publicKeyFile().getParent().toString());
        builder.environment().put("DESIGNATION_URL", system.url(RunningSystem.Service.DESIGNATION));
        builder.environment().put("SCREENING_URL", system.url(RunningSystem.Service.SCREENING));
        builder.environment().put("NOTIFICATION_URL", system.url(RunningSystem.Service.NOTIFICATION));
        RunningConsole console = new RunningConsole(builder.start(), port);
        console.awaitReady();
        return console;
    }

    /** The packaged console in the production profile with the development sign-in on: it must not start. */
    static Process launchInProductionWithDevSignIn() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-Dquarkus.http.port=0", "-jar", new File("../analyst-console/target/quarkus-app/quarkus-run.jar")
                        .getAbsolutePath())).redirectErrorStream(true);
        builder.environment().remove("QUARKUS_PROFILE");
        builder.environment().put("CONSOLE_DEV_SIGN_IN_ENABLED", "true");
        builder.environment().put("OIDC_AUTH_SERVER_URL", "https://idp.example/realms/radar");
        return builder.start();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("analyst-console exited with " + process.exitValue()
                        + "; see target/system/analyst-console.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException stillStarting) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("analyst-console not ready within 60 s");
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}

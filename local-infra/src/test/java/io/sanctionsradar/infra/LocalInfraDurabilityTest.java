package io.sanctionsradar.infra;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The embedded PostgreSQL acknowledges a commit only once it is on disk with {@code --durable} (scripts/stack), and
 * earlier without it (the tests, for speed); the container deployment keeps PostgreSQL's durable defaults.
 */
class LocalInfraDurabilityTest {

    @Test
    void durable_mode_commits_to_disk_before_acknowledging() throws Exception {
        assertEquals(List.of("on", "on"), settings("--durable"));
    }

    @Test
    void test_mode_trades_durability_for_speed() throws Exception {
        assertEquals(List.of("off", "off"), settings());
    }

    @Test
    void compose_and_deploy_keep_durable_commits() throws IOException {
        Pattern undurable = Pattern.compile("(synchronous_commit|fsync|full_page_writes)\\s*[=:]?\\s*['\"]?(off|false|0)\\b",
                Pattern.CASE_INSENSITIVE);
        try (Stream<Path> deploy = Files.walk(Path.of("..", "deploy"))) {
            for (Path file : Stream.concat(Stream.of(Path.of("..", "docker-compose.yml")),
                    deploy.filter(Files::isRegularFile)).toList()) {
                assertEquals(List.of(), Files.readAllLines(file).stream()
                        .filter(line -> undurable.matcher(line).find()).toList(), file.toString());
            }
        }
    }

    /** synchronous_commit and fsync of an embedded PostgreSQL started with these extra arguments. */
    private static List<String> settings(String... extra) throws Exception {
        Path stateDir = Path.of("target", "durability-" + UUID.randomUUID());
        String[] args = Stream.concat(Stream.of("--state-dir", stateDir.toString(), "--no-kafka", "--fresh"),
                Stream.of(extra)).toArray(String[]::new);
        LocalInfra infra = new LocalInfra(LocalInfra.Options.parse(args));
        infra.start();
        try {
            Properties state = InfraState.read(stateDir.toAbsolutePath().resolve(InfraState.FILE_NAME));
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                    + state.getProperty(InfraState.POSTGRES_PORT) + "/postgres", "postgres", "postgres");
                 Statement statement = connection.createStatement()) {
                return List.of(show(statement, "synchronous_commit"), show(statement, "fsync"));
            }
        } finally {
            infra.stop();
            LocalInfra.deleteRecursively(stateDir); // the PostgreSQL binaries and data: tens of megabytes
        }
    }

    private static String show(Statement statement, String setting) throws Exception {
        try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }
}

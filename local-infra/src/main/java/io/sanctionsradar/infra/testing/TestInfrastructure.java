package io.sanctionsradar.infra.testing;

import io.sanctionsradar.infra.InfraState;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * The Kafka broker and PostgreSQL server of one test JVM: the ones that KAFKA_BOOTSTRAP_SERVERS and DB_HOST
 * (DB_PORT, DB_USER, DB_PASSWORD) name, or else a {@code LocalInfra} child process started on free ports on
 * first use and stopped with the JVM. Every test run gets freshly created databases.
 */
public final class TestInfrastructure {

    // by name: loading the class here would drag the broker's classes into the test JVM
    private static final String LAUNCHER = "io.sanctionsradar.infra.LocalInfra";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static TestInfrastructure instance;
    // the launched child: its stdin carries fault-injection commands, its log their answers
    private static OutputStream launchedCommands;
    private static Path launchedLog;

    private final String kafkaBootstrapServers;
    private final String postgresHost;
    private final String postgresPort;
    private final String postgresUser;
    private final String postgresPassword;
    private final List<String> createdDatabases = new ArrayList<>();

    private TestInfrastructure(String kafkaBootstrapServers, String postgresHost, String postgresPort,
                               String postgresUser, String postgresPassword) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.postgresHost = postgresHost;
        this.postgresPort = postgresPort;
        this.postgresUser = postgresUser;
        this.postgresPassword = postgresPassword;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = startOrConnect();
            if (blankToNull(System.getenv("DB_HOST")) != null) {
                TestInfrastructure external = instance;
                Runtime.getRuntime().addShutdownHook(new Thread(external::dropCreatedDatabases, "test-db-cleanup"));
            }
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String postgresUser() {
        return postgresUser;
    }

    public String postgresPassword() {
        return postgresPassword;
    }

    /** Stops the launched PostgreSQL (fast shutdown: open connections are cut) under running services. */
    public void stopPostgres() {
        command("stop-postgres");
    }

    /** Starts the launched PostgreSQL again, on its port and data. */
    public void startPostgres() {
        command("start-postgres");
    }

    /** Stops the launched Kafka broker under running services. */
    public void stopKafka() {
        command("stop-kafka");
    }

    /** Starts the launched Kafka broker again, on its ports and data. */
    public void startKafka() {
        command("start-kafka");
    }

    /** Sends one command to the launched local-infra and waits for its answer in the log. */
    private static synchronized void command(String command) {
        if (launchedCommands == null) {
            throw new IllegalStateException("only a local-infra launched by this JVM takes commands, not "
                    + "external servers (KAFKA_BOOTSTRAP_SERVERS, DB_HOST)");
        }
        try {
            int answersBefore = answers(command).size();
            launchedCommands.write((command + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            launchedCommands.flush();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            List<String> answers;
            while ((answers = answers(command)).size() == answersBefore) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("local-infra did not answer " + command + "; see " + launchedLog);
                }
                Thread.sleep(50);
            }
            if (answers.get(answers.size() - 1).startsWith("local-infra: failed: ")) {
                throw new IllegalStateException("local-infra could not " + command + "; see " + launchedLog);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot send " + command + " to local-infra", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + command, e);
        }
    }

    private static List<String> answers(String command) throws IOException {
        try (var lines = Files.lines(launchedLog)) {
            return lines.filter(line -> line.equals("local-infra: done: " + command)
                    || line.startsWith("local-infra: failed: " + command)).toList();
        }
    }

    /** Creates a new, empty database named after {@code prefix} and returns its JDBC URL. */
    public synchronized String createFreshDatabase(String prefix) {
        String name = (prefix + "_test_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection connection = adminConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + postgresHost, e);
        }
        createdDatabases.add(name);
        return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + name;
    }

    /** On a shared server the test databases would pile up; FORCE closes connections the JVM still holds. */
    private synchronized void dropCreatedDatabases() {
        try (Connection connection = adminConnection(); var statement = connection.createStatement()) {
            for (String name : createdDatabases) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test databases " + createdDatabases + ": " + e.getMessage());
        }
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/postgres",
                postgresUser, postgresPassword);
    }

    private static TestInfrastructure startOrConnect() {
        String externalKafka = blankToNull(System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
        String externalDbHost = blankToNull(System.getenv("DB_HOST"));
        Properties launched = new Properties();
        if (externalKafka == null || externalDbHost == null) {
            launched = launch(externalKafka == null, externalDbHost == null);
        }
        return new TestInfrastructure(
                externalKafka != null ? externalKafka : launched.getProperty(InfraState.KAFKA_BOOTSTRAP_SERVERS),
                externalDbHost != null ? externalDbHost : launched.getProperty(InfraState.POSTGRES_HOST),
                externalDbHost != null ? envOr("DB_PORT", "5432") : launched.getProperty(InfraState.POSTGRES_PORT),
                externalDbHost != null ? envOr("DB_USER", "postgres") : launched.getProperty(InfraState.POSTGRES_USER),
                externalDbHost != null ? envOr("DB_PASSWORD", "") : launched.getProperty(InfraState.POSTGRES_PASSWORD));
    }

    /**
     * The infrastructure this JVM launched, found again through system properties: a second Quarkus test profile
     * loads this class anew in another class loader, and must not launch (and wipe) a second one.
     */
    private static final String LAUNCHED = "sanctions-radar.test-infra.";

    private static synchronized Properties launch(boolean kafka, boolean postgres) {
        Properties launched = new Properties();
        for (String key : List.of(InfraState.KAFKA_BOOTSTRAP_SERVERS, InfraState.POSTGRES_HOST,
                InfraState.POSTGRES_PORT, InfraState.POSTGRES_USER, InfraState.POSTGRES_PASSWORD)) {
            String value = System.getProperty(LAUNCHED + key);
            if (value != null) {
                launched.setProperty(key, value);
            }
        }
        if (!launched.isEmpty()) {
            return launched;
        }
        launched = launchProcess(kafka, postgres);
        launched.forEach((key, value) -> System.setProperty(LAUNCHED + key, (String) value));
        return launched;
    }

    private static Properties launchProcess(boolean kafka, boolean postgres) {
        Path home = localInfraHome();
        Path stateDir = home.resolve("test-infra-" + ProcessHandle.current().pid());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", home.resolve("classes") + java.io.File.pathSeparator + home.resolve("lib") + "/*",
                LAUNCHER,
                "--state-dir", stateDir.toString(), "--fresh", "--exit-when-stdin-closes"));
        if (!kafka) {
            command.add("--no-kafka");
        }
        if (!postgres) {
            command.add("--no-postgres");
        }
        try {
            Files.createDirectories(stateDir);
            Path log = stateDir.resolve("local-infra.log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            OutputStream lifeline = process.getOutputStream(); // kept open: its closing tells the child to stop
            launchedCommands = lifeline;
            launchedLog = log;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop(process, lifeline);
                deleteRecursively(stateDir);
            }, "test-infra-stop"));
            Path stateFile = stateDir.resolve(InfraState.FILE_NAME);
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (!Files.exists(stateFile)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("local-infra exited with " + process.exitValue()
                            + " before it was ready; see " + log + ":\n" + tail(log));
                }
                if (Instant.now().isAfter(deadline)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("local-infra not ready within " + START_TIMEOUT + "; see " + log);
                }
                Thread.sleep(100);
            }
            return InfraState.read(stateFile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start local-infra with " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting local-infra", e);
        }
    }

    private static void stop(Process process, OutputStream lifeline) {
        process.destroy(); // SIGTERM: the broker and PostgreSQL shut down cleanly
        try {
            lifeline.close();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // only disk space in target/ is at stake
        }
    }

    private static Path localInfraHome() {
        String configured = System.getProperty("local-infra.home");
        Path home = configured != null ? Path.of(configured) : Path.of("..", "local-infra", "target");
        if (!Files.isDirectory(home.resolve("lib")) || !Files.isDirectory(home.resolve("classes"))) {
            throw new IllegalStateException("local-infra is not built at " + home.toAbsolutePath()
                    + ": run the build from the repository root (./mvnw verify), or set KAFKA_BOOTSTRAP_SERVERS"
                    + " and DB_HOST to use existing servers");
        }
        return home.toAbsolutePath().normalize();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static String envOr(String name, String fallback) {
        String value = blankToNull(System.getenv(name));
        return value == null ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

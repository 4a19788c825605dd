package io.sanctionsradar.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs a real single-node KRaft Kafka broker and an embedded PostgreSQL 15 in this JVM until SIGTERM.
 *
 * <p>When both are up it writes {@code infra.properties} into the state directory (see {@link InfraState});
 * readers wait for that file. Used by {@code scripts/stack} and, through {@code LocalInfraTestResource},
 * by every service's tests.
 */
public final class LocalInfra {

    private final Options options;
    private KafkaRaftServer kafka;
    private EmbeddedPostgres postgres;
    private Path stateDir;
    private int postgresPort;
    private int kafkaPort;
    private int controllerPort;

    LocalInfra(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("local-infra: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        LocalInfra infra = new LocalInfra(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            infra.stop();
            stopped.countDown();
        }, "local-infra-shutdown"));
        try {
            infra.start();
        } catch (Exception e) {
            System.err.println("local-infra: failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        if (options.exitWhenStdinCloses) {
            infra.obeyStdinUntilItCloses();
        }
        stopped.await();
    }

    void start() throws Exception {
        stateDir = options.stateDir.toAbsolutePath();
        Files.createDirectories(stateDir);
        Files.deleteIfExists(stateDir.resolve(InfraState.FILE_NAME));
        if (options.fresh) {
            deleteRecursively(stateDir.resolve("kafka-data"));
            deleteRecursively(stateDir.resolve("postgres-data"));
        }
        Properties state = new Properties();
        state.setProperty(InfraState.PID, Long.toString(ProcessHandle.current().pid()));
        if (options.postgres) {
            postgresPort = options.postgresPort == 0 ? freePort() : options.postgresPort;
            startPostgres();
            state.setProperty(InfraState.POSTGRES_HOST, "127.0.0.1");
            state.setProperty(InfraState.POSTGRES_PORT, Integer.toString(postgresPort));
            state.setProperty(InfraState.POSTGRES_USER, "postgres");
            state.setProperty(InfraState.POSTGRES_PASSWORD, "postgres");
            createDatabases("jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres", "postgres", "postgres",
                    options.databases);
        }
        if (options.kafka) {
            kafkaPort = options.kafkaPort == 0 ? freePort() : options.kafkaPort;
            controllerPort = options.controllerPort == 0 ? freePort() : options.controllerPort;
            startKafka();
            state.setProperty(InfraState.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:" + kafkaPort);
        }
        InfraState.write(stateDir, state);
        log("ready: " + state);
    }

    private void startPostgres() throws IOException {
        int port = postgresPort;
        Path binaries = stateDir.resolve("postgres-binaries");
        Path data = stateDir.resolve("postgres-data");
        Files.createDirectories(binaries);
        // a crash leaves postmaster.pid behind; PostgreSQL then refuses to start on that data directory
        Path pidFile = data.resolve("postmaster.pid");
        if (Files.exists(pidFile) && !postmasterAlive(pidFile)) {
            Files.delete(pidFile);
        }
        postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "300")
                // --durable (scripts/stack): a commit is acknowledged once it is on disk. Without it (the tests) it
                // is acknowledged before: faster, and a power cut loses the last acknowledged commits
                .setServerConfig("fsync", options.durable ? "on" : "off")
                .setServerConfig("synchronous_commit", options.durable ? "on" : "off")
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                .start();
        log("PostgreSQL listening on 127.0.0.1:" + port + ", data in " + data);
    }

    private void startKafka() throws IOException {
        Path dataDir = stateDir.resolve("kafka-data");
        int port = kafkaPort;
        Files.createDirectories(dataDir);
        Properties props = new Properties();
        props.setProperty("node.id", "1");
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.setProperty("log.dirs", dataDir.toString());
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "5");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        // as in production: topics are created by their producers with their settings (compaction), never by accident
        props.setProperty("auto.create.topics.enable", "false");
        Path configFile = dataDir.resolveSibling("kafka-server.properties");
        try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
            props.store(out, "written by local-infra");
        }
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int status = StorageTool.execute(new String[]{"format", "--ignore-formatted",
                    "-t", Uuid.randomUuid().toString(), "-c", configFile.toString()}, new PrintStream(output, true));
            if (status != 0) {
                throw new IllegalStateException("formatting Kafka storage failed: " + output);
            }
        }
        kafka = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        kafka.startup();
        log("Kafka (KRaft) listening on 127.0.0.1:" + port + ", data in " + dataDir);
    }

    synchronized void stop() {
        Path stateFile = options.stateDir.toAbsolutePath().resolve(InfraState.FILE_NAME);
        try {
            Files.deleteIfExists(stateFile);
        } catch (IOException ignored) {
            // best effort: readers also check the pid
        }
        stopKafka();
        stopPostgres();
    }

    private synchronized void stopKafka() {
        if (kafka != null) {
            kafka.shutdown();
            kafka.awaitShutdown();
            kafka = null;
            log("Kafka stopped");
        }
    }

    private synchronized void stopPostgres() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log("PostgreSQL did not stop cleanly: " + e);
            }
            postgres = null;
            log("PostgreSQL stopped");
        }
    }

    /**
     * Fault injection for the system tests: stop-postgres, start-postgres, stop-kafka, start-kafka (one a line)
     * take a server away under running services and bring it back on the same port and data; each answers
     * "local-infra: done: COMMAND" (or "failed: COMMAND …") on stdout.
     */
    private synchronized void obey(String command) {
        try {
            switch (command) {
                case "stop-postgres" -> stopPostgres();
                case "start-postgres" -> {
                    if (postgres == null) {
                        startPostgres();
                    }
                }
                case "stop-kafka" -> stopKafka();
                case "start-kafka" -> {
                    if (kafka == null) {
                        startKafka();
                    }
                }
                default -> throw new IllegalArgumentException("unknown command");
            }
            log("done: " + command);
        } catch (Exception e) {
            log("failed: " + command + ": " + e);
        }
    }

    /** Creates each database that does not exist yet; used for the embedded server and for external ones. */
    static void createDatabases(String adminJdbcUrl, String user, String password, List<String> databases)
            throws SQLException {
        if (databases.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, user, password)) {
            for (String database : databases) {
                if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
                    throw new IllegalArgumentException("not a plain database name: " + database);
                }
                try (var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, database);
                    if (exists.executeQuery().next()) {
                        continue;
                    }
                }
                try (var create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + database);
                    log("created database " + database);
                }
            }
        }
    }

    private static boolean postmasterAlive(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The test JVM that started us holds our stdin; when it dies, even by SIGKILL, we must not linger. Until then
     * each line it writes is a command (see {@link #obey}).
     */
    private void obeyStdinUntilItCloses() {
        Thread watcher = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        obey(line.trim());
                    }
                }
            } catch (IOException ignored) {
                // treated like end of stream
            }
            log("parent went away, stopping");
            System.exit(0);
        }, "local-infra-stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void log(String message) {
        System.out.println("local-infra: " + message);
    }

    record Options(Path stateDir, boolean kafka, int kafkaPort, int controllerPort, boolean postgres,
                   int postgresPort, List<String> databases, boolean fresh, boolean durable,
                   boolean exitWhenStdinCloses) {

        static final String USAGE = """
                usage: LocalInfra --state-dir DIR [--kafka-port N] [--controller-port N] [--postgres-port N]
                                  [--databases a,b,c] [--no-kafka] [--no-postgres] [--fresh] [--durable]
                                  [--exit-when-stdin-closes]
                  a port of 0 (the default) picks a free one; the chosen ones are written to DIR/infra.properties""";

        static Options parse(String[] args) {
            Path stateDir = null;
            boolean kafka = true;
            boolean postgres = true;
            int kafkaPort = 0;
            int controllerPort = 0;
            int postgresPort = 0;
            List<String> databases = new ArrayList<>();
            boolean fresh = false;
            boolean durable = false;
            boolean exitWhenStdinCloses = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--state-dir" -> stateDir = Path.of(value(args, ++i, arg));
                    case "--kafka-port" -> kafkaPort = port(value(args, ++i, arg), arg);
                    case "--controller-port" -> controllerPort = port(value(args, ++i, arg), arg);
                    case "--postgres-port" -> postgresPort = port(value(args, ++i, arg), arg);
                    case "--databases" -> Arrays.stream(value(args, ++i, arg).split(","))
                            .map(String::trim).filter(s -> !s.isEmpty()).forEach(databases::add);
                    case "--no-kafka" -> kafka = false;
                    case "--no-postgres" -> postgres = false;
                    case "--fresh" -> fresh = true;
                    case "--durable" -> durable = true;
                    case "--exit-when-stdin-closes" -> exitWhenStdinCloses = true;
                    default -> throw new IllegalArgumentException("unknown argument " + arg);
                }
            }
            if (stateDir == null) {
                throw new IllegalArgumentException("--state-dir is required");
            }
            if (!kafka && !postgres) {
                throw new IllegalArgumentException("nothing to start: both --no-kafka and --no-postgres given");
            }
            return new Options(stateDir, kafka, kafkaPort, controllerPort, postgres, postgresPort,
                    List.copyOf(databases), fresh, durable, exitWhenStdinCloses);
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[i];
        }

        private static int port(String value, String name) {
            try {
                int port = Integer.parseInt(value);
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a port number, got " + value);
            }
        }
    }
}

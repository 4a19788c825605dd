package io.sanctionsradar.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/** The {@code infra.properties} file through which a running {@link LocalInfra} says where it listens. */
public final class InfraState {

    public static final String FILE_NAME = "infra.properties";
    public static final String PID = "pid";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String POSTGRES_HOST = "postgres.host";
    public static final String POSTGRES_PORT = "postgres.port";
    public static final String POSTGRES_USER = "postgres.user";
    public static final String POSTGRES_PASSWORD = "postgres.password";

    private InfraState() {
    }

    /** Written to a temporary file and renamed, so a reader never sees half of it. */
    static void write(Path stateDir, Properties state) throws IOException {
        Path tmp = stateDir.resolve(FILE_NAME + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            state.store(out, "written by local-infra when Kafka and PostgreSQL were ready");
        }
        Files.move(tmp, stateDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    public static Properties read(Path stateFile) throws IOException {
        Properties state = new Properties();
        try (Reader in = Files.newBufferedReader(stateFile, StandardCharsets.UTF_8)) {
            state.load(in);
        }
        return state;
    }
}

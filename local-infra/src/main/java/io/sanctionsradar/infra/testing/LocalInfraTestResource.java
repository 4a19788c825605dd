package io.sanctionsradar.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a service under test at the real broker and a fresh database of {@link TestInfrastructure}.
 *
 * <p>Init args: {@code database}, the prefix of the database name, e.g. {@code screening}; {@code
 * incoming-channels}, comma-separated, whose consumer groups are made unique to this run, so that tests against
 * a shared broker never take partitions (or committed offsets) from a running instance or an earlier run.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "test";
    private String[] incomingChannels = new String[0];

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        incomingChannels = Arrays.stream(initArgs.getOrDefault("incoming-channels", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        String jdbcUrl = infra.createFreshDatabase(database);
        String runName = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        Map<String, String> config = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", infra.kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", infra.postgresUser(),
                "quarkus.datasource.password", infra.postgresPassword()));
        for (String channel : incomingChannels) {
            config.put("mp.messaging.incoming." + channel + ".group.id", runName + "-" + channel);
        }
        return config;
    }

    @Override
    public void stop() {
        // the broker and server live as long as the test JVM; a restarted application gets a new database
    }
}

package io.sanctionsradar.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.sanctionsradar.infra.DevTokens;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a service under test at the real broker and a fresh database of {@link TestInfrastructure}.
 *
 * <p>Init args: {@code database}, the prefix of the database name, e.g. {@code screening}; {@code
 * incoming-channels}, comma-separated, whose consumer groups are made unique to this run, so that tests against
 * a shared broker never take partitions (or committed offsets) from a running instance or an earlier run.
 * The service trusts the bearer tokens of {@link TestTokens}.
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
        // bearer tokens: TestTokens signs them, the service verifies them with this key (given as content, which
        // overrides the in-memory key Quarkus makes up in test mode when none is configured at build time)
        config.put("mp.jwt.verify.publickey", readPublicKey());
        config.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        for (String channel : incomingChannels) {
            config.put("mp.messaging.incoming." + channel + ".group.id", runName + "-" + channel);
        }
        return config;
    }

    private static String readPublicKey() {
        try {
            return java.nio.file.Files.readString(TestTokens.keys().publicKeyFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the broker and server live as long as the test JVM; a restarted application gets a new database
    }
}

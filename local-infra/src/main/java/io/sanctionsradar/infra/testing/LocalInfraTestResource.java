package io.sanctionsradar.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a service under test at the real broker and a fresh database of {@link TestInfrastructure}.
 *
 * <p>Init arg {@code database}: the prefix of the database name, e.g. {@code screening}.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        return Map.of(
                "kafka.bootstrap.servers", infra.kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", infra.createFreshDatabase(database),
                "quarkus.datasource.username", infra.postgresUser(),
                "quarkus.datasource.password", infra.postgresPassword());
    }

    @Override
    public void stop() {
        // the broker and server live as long as the test JVM; a restarted application gets a new database
    }
}

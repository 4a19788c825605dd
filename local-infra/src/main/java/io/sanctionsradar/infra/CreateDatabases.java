package io.sanctionsradar.infra;

import java.util.Arrays;

/**
 * Creates the services' databases on an existing PostgreSQL server named by DB_HOST, DB_PORT, DB_USER and
 * DB_PASSWORD (scripts/stack against external infrastructure); databases that exist are kept.
 */
public final class CreateDatabases {

    private CreateDatabases() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || System.getenv("DB_HOST") == null) {
            System.err.println("usage: DB_HOST=… [DB_PORT=5432 DB_USER=postgres DB_PASSWORD=…] CreateDatabases db1,db2,...");
            System.exit(2);
        }
        String url = "jdbc:postgresql://" + System.getenv("DB_HOST") + ":" + env("DB_PORT", "5432") + "/postgres";
        LocalInfra.createDatabases(url, env("DB_USER", "postgres"), env("DB_PASSWORD", ""),
                Arrays.asList(args[0].split(",")));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

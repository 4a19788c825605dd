package io.sanctionsradar.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an application reads from its environment, taken from its sources so the chart cannot drift from them:
 * the variables its application.properties names (${DB_HOST:…}), the environment form of every property it sets
 * (Quarkus maps QUARKUS_DATASOURCE_JDBC_MAX_SIZE onto quarkus.datasource.jdbc.max-size), the token settings its
 * "## Security" section documents (MP_JWT_VERIFY_…), and what the image's entrypoint expands (JAVA_OPTS).
 */
record ServiceSettings(String app, Properties properties, Set<String> environmentVariables) {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    // "#   MP_JWT_VERIFY_ISSUER              the iss claim of its tokens"
    private static final Pattern DOCUMENTED = Pattern.compile("^#\\s+([A-Z][A-Z0-9_]+)\\s{2,}\\S", Pattern.MULTILINE);
    private static final Pattern ENTRYPOINT_VARIABLE = Pattern.compile("\\$([A-Z][A-Z0-9_]*)");

    static ServiceSettings of(String app) {
        Path file = Chart.ROOT.resolve(app).resolve("src/main/resources/application.properties");
        String text = read(file);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> variables = new TreeSet<>();
        REFERENCE.matcher(text).results().forEach(match -> variables.add(match.group(1)));
        DOCUMENTED.matcher(text).results().forEach(match -> variables.add(match.group(1)));
        properties.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("%"))
                .map(ServiceSettings::environmentName)
                .forEach(variables::add);
        variables.addAll(entrypointVariables());
        return new ServiceSettings(app, properties, variables);
    }

    /** The property's value with ${other.property} references resolved, as MicroProfile Config would. */
    String value(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException(app + " sets no " + key);
        }
        Matcher reference = Pattern.compile("\\$\\{([a-z][a-z0-9.\\-]*)}").matcher(value);
        return reference.replaceAll(match -> Matcher.quoteReplacement(value(match.group(1))));
    }

    /** The MicroProfile Config rule: every character that is not a letter or digit becomes _, then upper case. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static Set<String> entrypointVariables() {
        Set<String> variables = new TreeSet<>();
        read(Chart.ROOT.resolve("deploy/Dockerfile")).lines()
                .filter(line -> line.startsWith("ENTRYPOINT"))
                .forEach(line -> ENTRYPOINT_VARIABLE.matcher(line).results().forEach(m -> variables.add(m.group(1))));
        return variables;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

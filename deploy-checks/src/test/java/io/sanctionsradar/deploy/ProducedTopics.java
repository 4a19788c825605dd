package io.sanctionsradar.deploy;

import org.apache.kafka.common.config.TopicConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The topics the services create, read from their code: every {@code new TopicProvisioner(config, name, partitions,
 * Map.of(...))}, its name and partitions resolved through the {@code @ConfigProperty} fields it passes and the
 * service's application.properties, its settings through Kafka's {@link TopicConfig} constants. Code of another
 * shape fails here rather than being skipped.
 */
final class ProducedTopics {

    static final List<String> SERVICES = List.of("designation-service", "screening-service", "notification-service");

    record Topic(String service, String name, int partitions, Map<String, String> config) {
    }

    private static final String CALL = "new TopicProvisioner(";
    private static final Pattern MILLIS_OF = Pattern.compile("String\\.valueOf\\((\\w+)\\.toMillis\\(\\)\\)");

    private ProducedTopics() {
    }

    static List<Topic> all() {
        List<Topic> topics = new ArrayList<>();
        for (String service : SERVICES) {
            ServiceSettings settings = ServiceSettings.of(service);
            for (Path source : sources(service)) {
                String code = ServiceSettings.read(source);
                int at = code.indexOf(CALL);
                while (at >= 0) {
                    topics.add(topic(settings, code, arguments(code, at + CALL.length())));
                    at = code.indexOf(CALL, at + 1);
                }
            }
        }
        return topics;
    }

    private static Topic topic(ServiceSettings settings, String code, List<String> arguments) {
        if (arguments.size() != 4 || !arguments.get(3).startsWith("Map.of(")) {
            throw new IllegalStateException("a TopicProvisioner call of an unknown shape in " + settings.app()
                    + ": " + arguments);
        }
        String name = settings.value(propertyOf(code, arguments.get(1)));
        int partitions = Integer.parseInt(settings.value(propertyOf(code, arguments.get(2))));
        List<String> entries = arguments(arguments.get(3), "Map.of(".length());
        Map<String, String> config = new TreeMap<>();
        for (int i = 0; i + 1 < entries.size(); i += 2) {
            config.put(constant(entries.get(i)), value(settings, code, entries.get(i + 1)));
        }
        return new Topic(settings.app(), name, partitions, config);
    }

    private static String value(ServiceSettings settings, String code, String expression) {
        Matcher millis = MILLIS_OF.matcher(expression);
        if (millis.matches()) {
            return String.valueOf(duration(settings.value(propertyOf(code, millis.group(1)))).toMillis());
        }
        return constant(expression);
    }

    /** TopicConfig.CLEANUP_POLICY_COMPACT → "compact": the constant's own value. */
    private static String constant(String expression) {
        String field = expression.replaceFirst("^TopicConfig\\.", "");
        try {
            return (String) TopicConfig.class.getField(field).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("not a TopicConfig constant: " + expression, e);
        }
    }

    /** The property of {@code @ConfigProperty(name = "outbox.topic") String topicName;}. */
    private static String propertyOf(String code, String field) {
        Matcher declaration = Pattern.compile("@ConfigProperty\\(name\\s*=\\s*\"([^\"]+)\"[^)]*\\)\\s+[\\w<>]+\\s+"
                + Pattern.quote(field.trim()) + "\\s*;").matcher(code);
        if (!declaration.find()) {
            throw new IllegalStateException("no @ConfigProperty field " + field);
        }
        return declaration.group(1);
    }

    /** Quarkus's duration format: ISO-8601, or a number with ms, s, m, h or d. */
    static Duration duration(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT);
        if (value.startsWith("P")) {
            return Duration.parse(value);
        }
        if (value.endsWith("MS")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        return value.endsWith("D") ? Duration.parse("P" + value) : Duration.parse("PT" + value);
    }

    /** The top-level, comma-separated arguments of the call whose parenthesis opened just before {@code from}. */
    private static List<String> arguments(String code, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        StringBuilder argument = new StringBuilder();
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                arguments.add(argument.toString().trim());
                return arguments;
            } else if (c == ',' && depth == 0) {
                arguments.add(argument.toString().trim());
                argument.setLength(0);
                continue;
            }
            argument.append(c);
        }
        throw new IllegalStateException("an unclosed call");
    }

    private static List<Path> sources(String service) {
        try (Stream<Path> files = Files.walk(Chart.ROOT.resolve(service).resolve("src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

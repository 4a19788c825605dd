package io.sanctionsradar.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs labelled queries (dev-queries.jsonl format) through the engine and computes the same metrics as
 * score.py; {@link #main} prints a threshold sweep and writes a results file score.py can read.
 */
public final class QualityEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of an eval file; birthDate and country are optional, unknown fields (such as "why") are ignored. */
    public record LabelledQuery(String qid, String name, SubjectType type, List<String> expect, String family,
                                String birthDate, String country) {
        public LabelledQuery(String qid, String name, SubjectType type, List<String> expect, String family) {
            this(qid, name, type, expect, family, null, null);
        }
    }

    public record Outcome(LabelledQuery query, List<Match> matches, double latencyMs) {
    }

    /** Counts of one family (or of a whole file): positives found, found first, negatives with any match. */
    public record Tally(int positives, int found, int first, int negatives, int falsePositives) {
        Tally plus(boolean positive, boolean ok, boolean top, boolean fp) {
            return new Tally(positives + (positive ? 1 : 0), found + (ok ? 1 : 0), first + (top ? 1 : 0),
                    negatives + (positive ? 0 : 1), falsePositives + (fp ? 1 : 0));
        }

        public int n() {
            return positives + negatives;
        }

        public double recall() {
            return positives == 0 ? 1 : (double) found / positives;
        }

        public double top1() {
            return positives == 0 ? 1 : (double) first / positives;
        }

        public double fpRate() {
            return negatives == 0 ? 0 : (double) falsePositives / negatives;
        }

        /** n, recall, top-1 and FP rate; "-" where the family has no positives or no negatives. */
        public String row(String label) {
            return String.format(Locale.ROOT, "%-34s %5d  %6s  %6s  %7s", label, n(),
                    positives == 0 ? "-" : String.format(Locale.ROOT, "%.3f", recall()),
                    positives == 0 ? "-" : String.format(Locale.ROOT, "%.3f", top1()),
                    negatives == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * fpRate()));
        }
    }

    public record Metrics(double threshold, double recall, double top1, double fpRate, Map<String, Double> recallByFamily,
                          int positives, int negatives, Tally total, Map<String, Tally> families) {
        public String row() {
            return String.format(Locale.ROOT, "%.2f  recall %.4f  top1 %.4f  fp %.4f  min-family %.3f",
                    threshold, recall, top1, fpRate,
                    recallByFamily.values().stream().mapToDouble(Double::doubleValue).min().orElse(1));
        }
    }

    private QualityEvaluation() {
    }

    public static List<LabelledQuery> readQueries(Path path) {
        try {
            List<LabelledQuery> out = new ArrayList<>();
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode q = JSON.readTree(line);
                List<String> expect = new ArrayList<>();
                q.path("expect").forEach(e -> expect.add(e.asText()));
                SubjectType type = q.hasNonNull("type") ? SubjectType.valueOf(q.get("type").asText()) : null;
                out.add(new LabelledQuery(q.path("qid").asText(), q.path("name").asText(), type, expect,
                        q.path("family").asText(), q.path("birthDate").asText(null), q.path("country").asText(null)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Screens at a low floor threshold so one run serves every threshold of the sweep. */
    public static List<Outcome> run(MatchingEngine engine, List<LabelledQuery> queries, double floor) {
        List<Outcome> out = new ArrayList<>();
        for (LabelledQuery q : queries) {
            long t0 = System.nanoTime();
            List<Match> m = engine.screen(new Query(q.name(), q.type(), q.birthDate(), q.country()), floor, 10, null);
            out.add(new Outcome(q, m, (System.nanoTime() - t0) / 1e6));
        }
        return out;
    }

    /** A negative (empty expect) is a false positive when anything matches at the threshold. */
    public static Metrics metrics(List<Outcome> outcomes, Map<String, String> sourceIdOf, double threshold) {
        Tally total = new Tally(0, 0, 0, 0, 0);
        Map<String, Tally> families = new TreeMap<>();
        for (Outcome o : outcomes) {
            List<String> ids = o.matches().stream().filter(m -> m.score() >= threshold)
                    .map(m -> sourceIdOf.getOrDefault(m.entryId(), m.entryId())).toList();
            List<String> expect = o.query().expect();
            boolean positive = !expect.isEmpty();
            boolean ok = positive && ids.stream().anyMatch(expect::contains);
            boolean top = positive && !ids.isEmpty() && expect.contains(ids.get(0));
            boolean fp = !positive && !ids.isEmpty();
            total = total.plus(positive, ok, top, fp);
            families.merge(o.query().family(), new Tally(0, 0, 0, 0, 0).plus(positive, ok, top, fp), QualityEvaluation::sum);
        }
        Map<String, Double> byFamily = new TreeMap<>();
        families.forEach((k, v) -> {
            if (v.positives() > 0) {
                byFamily.put(k, v.recall());
            }
        });
        return new Metrics(threshold, total.recall(), total.top1(), total.fpRate(), byFamily, total.positives(),
                total.negatives(), total, families);
    }

    private static Tally sum(Tally a, Tally b) {
        return new Tally(a.positives() + b.positives(), a.found() + b.found(), a.first() + b.first(),
                a.negatives() + b.negatives(), a.falsePositives() + b.falsePositives());
    }

    /** An engine loaded with a list, and the list's designationId -> source id mapping the eval files use. */
    public record Screening(MatchingEngine engine, Map<String, String> sourceIdOf) {
        public static Screening of(WatchlistFixtures.Watchlist wl) {
            MatchingEngine engine = new MatchingEngine();
            engine.replaceAll(wl.entries());
            return new Screening(engine, wl.sourceIdOf());
        }
    }

    /** Query files whose expected ids are another list's than the CSL fixture, with that list's resource. */
    public static final Map<String, String> OWN_WATCHLIST =
            Map.of("uk-non-latin.jsonl", "/matching/eval/uk-2025-latin.jsonl.gz");

    /** Every {@code *.jsonl} of a directory, by file name, measured at the threshold on the CSL or its own list. */
    public static Map<String, Metrics> evaluateDirectory(Screening csl, Path dir, double threshold) {
        Map<String, Metrics> out = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                String name = f.getFileName().toString();
                Screening s = OWN_WATCHLIST.containsKey(name)
                        ? Screening.of(WatchlistFixtures.fromClasspath(OWN_WATCHLIST.get(name))) : csl;
                out.put(name, metrics(run(s.engine(), readQueries(f), threshold), s.sourceIdOf(), threshold));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The report table: per file its total, then each family (n, recall, top-1, FP rate). */
    public static String table(Map<String, Metrics> byFile) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-34s %5s  %6s  %6s  %7s%n",
                "file / family", "n", "recall", "top-1", "FP"));
        byFile.forEach((file, m) -> {
            b.append(m.total().row(file)).append('\n');
            m.families().forEach((family, t) -> b.append(t.row("  " + family)).append('\n'));
        });
        return b.toString();
    }

    /** Writes score.py's results format: only matches at the given threshold. */
    static void writeResults(List<Outcome> outcomes, Map<String, String> sourceIdOf, double threshold, Path file) {
        try {
            Files.createDirectories(file.getParent());
            StringBuilder b = new StringBuilder();
            for (Outcome o : outcomes) {
                ObjectNode n = JSON.createObjectNode();
                n.put("qid", o.query().qid());
                n.put("latency_ms", Math.round(o.latencyMs() * 1000) / 1000.0);
                ArrayNode rs = n.putArray("results");
                for (Match m : o.matches()) {
                    if (m.score() >= threshold) {
                        rs.addObject().put("sourceId", sourceIdOf.getOrDefault(m.entryId(), m.entryId())).put("score", m.score());
                    }
                }
                b.append(JSON.writeValueAsString(n)).append('\n');
            }
            Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Threshold sweep on the dev set: {@code QualityEvaluation [dev-queries.jsonl] [verbose]}. */
    public static void main(String[] args) {
        Path queriesPath = Path.of(args.length > 0 ? args[0] : "../../shared/data/eval/dev-queries.jsonl");
        long t0 = System.nanoTime();
        WatchlistFixtures.Watchlist wl = WatchlistFixtures.fromClasspath("/matching/us-csl-2022.jsonl.gz");
        MatchingEngine engine = new MatchingEngine();
        engine.replaceAll(wl.entries());
        System.out.printf(Locale.ROOT, "loaded %d entries / %d names in %.0f ms%n", engine.size(), engine.nameCount(),
                (System.nanoTime() - t0) / 1e6);
        List<LabelledQuery> queries = readQueries(queriesPath);
        run(engine, queries, 0.5); // warm-up
        List<Outcome> outcomes = run(engine, queries, 0.5);
        for (double t = 0.70; t <= 0.951; t += 0.01) {
            System.out.println(metrics(outcomes, wl.sourceIdOf(), t).row());
        }
        Metrics d = metrics(outcomes, wl.sourceIdOf(), MatchingEngine.DEFAULT_THRESHOLD);
        System.out.println("default " + d.row() + " " + d.recallByFamily());
        writeResults(outcomes, wl.sourceIdOf(), MatchingEngine.DEFAULT_THRESHOLD, Path.of("target/matching-dev-results.jsonl"));
        if (args.length > 1) {
            double th = MatchingEngine.DEFAULT_THRESHOLD;
            for (Outcome o : outcomes) {
                List<String> ids = o.matches().stream().filter(m -> m.score() >= th)
                        .map(m -> wl.sourceIdOf().get(m.entryId())).toList();
                boolean neg = o.query().expect().isEmpty();
                boolean bad = neg ? !ids.isEmpty() : ids.stream().noneMatch(o.query().expect()::contains);
                if (bad) {
                    System.out.println((neg ? "FP   " : "MISS ") + o.query().family() + " | " + o.query().name() + " | "
                            + o.matches().stream().limit(3).map(m -> String.format(Locale.ROOT, "%s %.3f %s",
                            m.matchedName(), m.score(), o.query().expect().contains(wl.sourceIdOf().get(m.entryId())) ? "*" : ""))
                            .toList());
                }
            }
        }
    }
}

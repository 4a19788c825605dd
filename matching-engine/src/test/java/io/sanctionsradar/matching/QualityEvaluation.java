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
final class QualityEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();

    record LabelledQuery(String qid, String name, SubjectType type, List<String> expect, String family) {
    }

    record Outcome(LabelledQuery query, List<Match> matches, double latencyMs) {
    }

    record Metrics(double threshold, double recall, double top1, double fpRate, Map<String, Double> recallByFamily,
                   int positives, int negatives) {
        String row() {
            return String.format(Locale.ROOT, "%.2f  recall %.4f  top1 %.4f  fp %.4f  min-family %.3f",
                    threshold, recall, top1, fpRate,
                    recallByFamily.values().stream().mapToDouble(Double::doubleValue).min().orElse(1));
        }
    }

    private QualityEvaluation() {
    }

    static List<LabelledQuery> readQueries(Path path) {
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
                        q.path("family").asText()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Screens at a low floor threshold so one run serves every threshold of the sweep. */
    static List<Outcome> run(MatchingEngine engine, List<LabelledQuery> queries, double floor) {
        List<Outcome> out = new ArrayList<>();
        for (LabelledQuery q : queries) {
            long t0 = System.nanoTime();
            List<Match> m = engine.screen(new Query(q.name(), q.type(), null, null), floor, 10, null);
            out.add(new Outcome(q, m, (System.nanoTime() - t0) / 1e6));
        }
        return out;
    }

    static Metrics metrics(List<Outcome> outcomes, Map<String, String> sourceIdOf, double threshold) {
        int pos = 0, hit = 0, top1 = 0, neg = 0, fp = 0;
        Map<String, int[]> fam = new TreeMap<>();
        for (Outcome o : outcomes) {
            List<String> ids = o.matches().stream().filter(m -> m.score() >= threshold)
                    .map(m -> sourceIdOf.getOrDefault(m.entryId(), m.entryId())).toList();
            if (o.query().expect().isEmpty()) {
                neg++;
                fp += ids.isEmpty() ? 0 : 1;
            } else {
                pos++;
                boolean ok = ids.stream().anyMatch(o.query().expect()::contains);
                hit += ok ? 1 : 0;
                top1 += !ids.isEmpty() && o.query().expect().contains(ids.get(0)) ? 1 : 0;
                int[] f = fam.computeIfAbsent(o.query().family(), k -> new int[2]);
                f[0] += ok ? 1 : 0;
                f[1]++;
            }
        }
        Map<String, Double> byFamily = new TreeMap<>();
        fam.forEach((k, v) -> byFamily.put(k, (double) v[0] / v[1]));
        return new Metrics(threshold, pos == 0 ? 1 : (double) hit / pos, pos == 0 ? 1 : (double) top1 / pos,
                neg == 0 ? 0 : (double) fp / neg, byFamily, pos, neg);
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

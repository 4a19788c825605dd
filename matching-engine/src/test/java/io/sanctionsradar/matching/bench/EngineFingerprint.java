package io.sanctionsradar.matching.bench;

import io.sanctionsradar.matching.EntryName;
import io.sanctionsradar.matching.Match;
import io.sanctionsradar.matching.MatchingEngine;
import io.sanctionsradar.matching.Query;
import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.matching.WatchlistEntry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A digest of everything the engine answers on the committed CSL fixture, to show that a change leaves results
 * exactly as they were: forward screening (matches with scores and explanations, and ids only), the forward check
 * of known candidates ({@code screenEntries}), and the reverse engine over the same names.
 * Usage: {@code EngineFingerprint [dev-queries.jsonl]}.
 */
public final class EngineFingerprint {

    private static final double THRESHOLD = 0.55;
    /** -Dfingerprint.dump=FILE writes every hashed line, to find what differs between two runs. */
    private static final java.io.PrintStream DUMP = dump();

    private EngineFingerprint() {
    }

    public static void main(String[] args) throws Exception {
        List<WatchlistEntry> entries = BenchData.fixture();
        List<Query> queries = queries(entries, args.length > 0 ? Path.of(args[0]) : null);
        MatchingEngine forward = new MatchingEngine();
        forward.replaceAll(entries);
        MessageDigest screen = MessageDigest.getInstance("SHA-256");
        MessageDigest ids = MessageDigest.getInstance("SHA-256");
        MessageDigest check = MessageDigest.getInstance("SHA-256");
        long screenCount = 0;
        long checkCount = 0;
        Random random = new Random(5);
        for (Query q : queries) {
            List<Match> matches = forward.screen(q, THRESHOLD, 50, null);
            screenCount += hash(screen, q, matches);
            ids.update((q + "\u0001" + forward.screenIds(q, THRESHOLD, 50, null) + "\n").getBytes(StandardCharsets.UTF_8));
            Set<String> candidates = new LinkedHashSet<>();
            forward.screen(q, 0.4, 10, null).forEach(m -> candidates.add(m.entryId()));
            candidates.add(entries.get(random.nextInt(entries.size())).entryId());
            checkCount += hash(check, q, forward.screenEntries(q, THRESHOLD, 50, candidates, null));
        }
        MatchingEngine reverse = MatchingEngine.reverse();
        reverse.replaceAll(entries);
        MessageDigest rev = MessageDigest.getInstance("SHA-256");
        long reverseCount = 0;
        for (Query q : queries) {
            reverseCount += hash(rev, q, reverse.screen(q, THRESHOLD, 50, null));
        }
        if (DUMP != null) {
            DUMP.flush();
        }
        System.out.printf(Locale.ROOT, "queries %d%nforward matches %d sha-256 %s%nforward ids sha-256 %s%n"
                        + "forward check %d sha-256 %s%nreverse matches %d sha-256 %s%n", queries.size(),
                screenCount, hex(screen), hex(ids), checkCount, hex(check), reverseCount, hex(rev));
    }

    /** Every listed name of every third entry, typed, with the entry's first birth date and country on half of them. */
    private static List<Query> queries(List<WatchlistEntry> entries, Path devQueries) throws Exception {
        List<Query> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i += 3) {
            WatchlistEntry e = entries.get(i);
            for (EntryName n : e.names()) {
                boolean details = (i / 3) % 2 == 0;
                out.add(new Query(n.name(), e.type(),
                        details && !e.birthDates().isEmpty() ? e.birthDates().get(0) : null,
                        details && !e.countries().isEmpty() ? new java.util.TreeSet<>(e.countries()).first() : null));
            }
        }
        if (devQueries != null && Files.isRegularFile(devQueries)) {
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(devQueries, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode q = json.readTree(line);
                    String type = q.path("type").asText(null);
                    out.add(new Query(q.path("name").asText(), type == null ? null : SubjectType.valueOf(type), null, null));
                }
            }
        }
        return out;
    }

    private static int hash(MessageDigest digest, Query q, List<Match> matches) {
        for (Match m : matches) {
            String line = q + "\u0001" + m.entryId() + '\u0001' + m.score() + '\u0001' + m.matchedName() + '\u0001'
                    + m.explanation() + '\n';
            digest.update(line.getBytes(StandardCharsets.UTF_8));
            if (DUMP != null) {
                DUMP.print(line);
            }
        }
        return matches.size();
    }

    private static java.io.PrintStream dump() {
        String file = System.getProperty("fingerprint.dump");
        try {
            return file == null ? null : new java.io.PrintStream(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}

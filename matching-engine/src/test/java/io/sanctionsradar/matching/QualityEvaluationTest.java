package io.sanctionsradar.matching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class QualityEvaluationTest {

    @Test
    void readsOptionalBirthDateAndCountryAndIgnoresUnknownFields(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("q.jsonl");
        Files.writeString(f, """
                {"qid":"a","name":"Ivan Petrov","type":"PERSON","expect":["1"],"family":"typo","birthDate":"1970","country":"RU","why":"x"}
                {"qid":"b","name":"Acme","type":null,"expect":[],"family":"generic"}
                """);
        List<QualityEvaluation.LabelledQuery> q = QualityEvaluation.readQueries(f);
        assertEquals("1970", q.get(0).birthDate());
        assertEquals("RU", q.get(0).country());
        assertNull(q.get(1).birthDate());
        assertNull(q.get(1).country());
    }

    @Test
    void countsRecallTopOneAndFalsePositivesPerFamily() {
        var found = query("p1", List.of("s1"), "typo");
        var second = query("p2", List.of("s2"), "typo");
        var trap = query("n1", List.of(), "generic");
        var quiet = query("n2", List.of(), "generic");
        List<QualityEvaluation.Outcome> outcomes = List.of(
                new QualityEvaluation.Outcome(found, List.of(match("e1", 0.9)), 0),
                new QualityEvaluation.Outcome(second, List.of(match("e9", 0.95), match("e2", 0.9)), 0),
                new QualityEvaluation.Outcome(trap, List.of(match("e1", 0.8)), 0),
                new QualityEvaluation.Outcome(quiet, List.of(match("e1", 0.5)), 0));
        QualityEvaluation.Metrics m = QualityEvaluation.metrics(outcomes,
                Map.of("e1", "s1", "e2", "s2", "e9", "s9"), 0.78);
        assertEquals(new QualityEvaluation.Tally(2, 2, 1, 0, 0), m.families().get("typo"));
        assertEquals(new QualityEvaluation.Tally(0, 0, 0, 2, 1), m.families().get("generic"));
        assertEquals(0.5, m.fpRate());
        assertEquals(0.5, m.top1());
    }

    private static QualityEvaluation.LabelledQuery query(String qid, List<String> expect, String family) {
        return new QualityEvaluation.LabelledQuery(qid, qid, null, expect, family);
    }

    private static Match match(String entryId, double score) {
        return new Match(entryId, null, score, null);
    }
}

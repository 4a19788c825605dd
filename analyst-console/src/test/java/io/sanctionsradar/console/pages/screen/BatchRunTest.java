package io.sanctionsradar.console.pages.screen;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchRunTest {

    private static final String MATCHED = """
            {"line":2,"reference":"a","result":{"screeningId":"s-1","query":{"name":"Hikvision"},"matches":[{"entryId":"e-1","score":0.95}]}}
            """;
    private static final String UNMATCHED = """
            {"line":3,"reference":"b","result":{"screeningId":"s-2","query":{"name":"Nobody"},"matches":[]}}
            """;
    private static final String REJECTED = """
            {"line":4,"reference":"c","errors":[{"field":"country","message":"not a country"}]}
            """;
    private static final String SUMMARY = """
            {"summary":{"batchId":"b-1","count":2,"matched":1,"rejected":1,"watchlistVersions":["w-1"],"complete":true}}
            """;

    @Test
    void the_whole_answer_counts_every_record_and_ends_with_the_batch_receipt() {
        BatchRun run = new BatchRun("ana", "customers.csv", 4, Path.of("unused"));
        StringWriter csv = new StringWriter();

        run.consume(answer(MATCHED + UNMATCHED + REJECTED + SUMMARY), csv);

        assertEquals(BatchRun.State.DONE, run.state());
        assertEquals(3, run.answered());
        assertEquals(1, run.matched());
        assertEquals(1, run.rejected());
        assertEquals("b-1", run.batchId());
        assertEquals(List.of("w-1"), run.watchlistVersions());
        assertEquals(100, run.percent());
        assertNull(run.error());
        String[] rows = csv.toString().split("\r\n");
        assertEquals(4, rows.length);
        assertEquals(ResultCsv.HEADER, rows[0]);
        assertTrue(rows[3].startsWith("4,c,"), rows[3]);
    }

    @Test
    void an_answer_cut_before_its_summary_fails_and_keeps_what_came() {
        BatchRun run = new BatchRun("ana", "customers.csv", 10, Path.of("unused"));
        StringWriter csv = new StringWriter();

        run.consume(answer(MATCHED + UNMATCHED), csv);

        assertEquals(BatchRun.State.FAILED, run.state());
        assertEquals(2, run.answered());
        assertEquals(30, run.percent());
        assertTrue(run.error().contains("partial"), run.error());
        assertEquals(3, csv.toString().split("\r\n").length);
    }

    @Test
    void a_line_that_is_not_json_fails_the_run() {
        BatchRun run = new BatchRun("ana", "customers.csv", 10, Path.of("unused"));

        run.consume(answer(MATCHED + "<html>proxy error\n"), new StringWriter());

        assertEquals(BatchRun.State.FAILED, run.state());
        assertEquals(1, run.answered());
    }

    @Test
    void lines_count_a_last_line_without_its_break() throws IOException {
        assertEquals(3, ScreenPages.lines(bytes("name\na\nb\n")));
        assertEquals(3, ScreenPages.lines(bytes("name\na\nb")));
        assertEquals(0, ScreenPages.lines(bytes("")));
    }

    @Test
    void faults_of_the_file_go_beside_the_file_field() {
        Map<String, String> service = new LinkedHashMap<>();
        service.put("header", "unknown column");
        service.put("[line 3]", "unclosed quote");
        service.put("threshold", "0..1");

        assertEquals(Map.of("file", "header: unknown column; [line 3]: unclosed quote", "threshold", "0..1"),
                ScreenPages.fileErrors(service));
    }

    private static BufferedReader answer(String ndjson) {
        return new BufferedReader(new StringReader(ndjson));
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}

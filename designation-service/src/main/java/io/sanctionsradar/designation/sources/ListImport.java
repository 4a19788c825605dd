package io.sanctionsradar.designation.sources;

import io.sanctionsradar.designation.imports.ImportReport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One import of a list, uploaded or synced, as the history keeps it: who or what started it, what it read (the
 * content's SHA-256 and size) and how it ended, with the import's report or the reason it failed.
 */
public record ListImport(UUID importId, String list, String format, Trigger trigger, String actor, Instant startedAt,
                         Instant finishedAt, Outcome outcome, String contentHash, Long contentSize, List<String> files,
                         ImportReport report, String error) {

    /** What started it. */
    public enum Trigger { SCHEDULE, MANUAL, UPLOAD }

    /**
     * IMPORTED (the diff was applied, even if it changed nothing), UNCHANGED (the same content as last time: not
     * parsed), FAILED (the download did not succeed) or REFUSED (the file was malformed or looked truncated).
     */
    public enum Outcome { IMPORTED, UNCHANGED, FAILED, REFUSED }

    /** Whether the import listed, amended or delisted anything. */
    public boolean changedAnything() {
        return report != null && report.listed() + report.amended() + report.delisted() > 0;
    }
}

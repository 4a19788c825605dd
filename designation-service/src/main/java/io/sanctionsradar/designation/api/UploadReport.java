package io.sanctionsradar.designation.api;

import io.sanctionsradar.designation.imports.ImportReport;
import io.sanctionsradar.designation.imports.Rejection;
import io.sanctionsradar.designation.sources.ListImport;

import java.util.List;
import java.util.UUID;

/**
 * The answer to an upload: its import report, and the import it recorded in the history
 * ({@code GET /api/v1/imports/{importId}}), so the uploader need not look for it there.
 */
public record UploadReport(UUID importId, String source, String format, int listed, int amended, int delisted,
                           int unchanged, List<Rejection> rejected) {

    static UploadReport of(ListImport recorded) {
        ImportReport report = recorded.report();
        return new UploadReport(recorded.importId(), report.source(), report.format(), report.listed(),
                report.amended(), report.delisted(), report.unchanged(), report.rejected());
    }
}

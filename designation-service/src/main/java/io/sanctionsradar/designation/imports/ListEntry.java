package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.DesignationDraft;

/**
 * One entry of a published list as a designation draft, with where it stands in the file: a line (most formats)
 * or a record number (headerless CSV with multi-line fields). A draft without {@code listedOn} takes the date the
 * entry was first imported.
 */
public record ListEntry(Integer line, Integer record, DesignationDraft draft) {

    static ListEntry atLine(int line, DesignationDraft draft) {
        return new ListEntry(line, null, draft);
    }

    static ListEntry atRecord(int record, DesignationDraft draft) {
        return new ListEntry(null, record, draft);
    }

    ListEntry withDraft(DesignationDraft other) {
        return new ListEntry(line, record, other);
    }

    Rejection reject(String reason) {
        return new Rejection(line, record, draft.sourceId(), reason);
    }
}

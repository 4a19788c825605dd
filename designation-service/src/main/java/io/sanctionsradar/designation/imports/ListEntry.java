package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.DesignationKind;
import io.sanctionsradar.designation.domain.RespondsTo;

import java.util.List;

/**
 * One entry of a published list as a designation draft, with where it stands in the file: a line (most formats)
 * or a record number (headerless CSV with multi-line fields). A draft without {@code listedOn} takes the date the
 * entry was first imported. Most lists hold designations; a list of countermeasures says so per entry, and names in
 * {@code actionsToLink} those of the draft's answers that are a known foreign action, which the import links to
 * the designations recorded for it ({@link CountermeasureLinks}).
 */
public record ListEntry(Integer line, Integer record, DesignationKind kind, DesignationDraft draft,
                        List<RespondsTo> actionsToLink) {

    public ListEntry {
        actionsToLink = actionsToLink == null ? List.of() : List.copyOf(actionsToLink);
    }

    static ListEntry atLine(int line, DesignationDraft draft) {
        return new ListEntry(line, null, DesignationKind.DESIGNATION, draft, List.of());
    }

    static ListEntry atRecord(int record, DesignationDraft draft) {
        return new ListEntry(null, record, DesignationKind.DESIGNATION, draft, List.of());
    }

    static ListEntry countermeasureAtLine(int line, DesignationDraft draft, List<RespondsTo> actionsToLink) {
        return new ListEntry(line, null, DesignationKind.COUNTERMEASURE, draft, actionsToLink);
    }

    ListEntry withDraft(DesignationDraft other) {
        return new ListEntry(line, record, kind, other, actionsToLink);
    }

    Rejection reject(String reason) {
        return new Rejection(line, record, draft.sourceId(), reason);
    }
}

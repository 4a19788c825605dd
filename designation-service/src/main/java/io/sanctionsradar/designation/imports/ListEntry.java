package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.DesignationDraft;

/**
 * One entry of a published list as a designation draft; {@code location} says where it was in the file
 * ("line 12" or "record 12"). A draft without {@code listedOn} takes the date the entry was first imported.
 */
public record ListEntry(String location, DesignationDraft draft) {
}

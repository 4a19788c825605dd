package io.sanctionsradar.designation.imports;

import java.util.List;

/** What a parser made of a list file: the entries to import and the records it had to reject. */
public record ParsedList(String sourceList, List<ListEntry> entries, List<Rejection> rejections) {
}

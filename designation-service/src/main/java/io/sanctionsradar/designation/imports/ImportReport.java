package io.sanctionsradar.designation.imports;

import java.util.List;

/** What an import did to one source list: counts per outcome and every rejected record with its reason. */
public record ImportReport(String source, String format, int listed, int amended, int delisted, int unchanged,
                           List<Rejection> rejected) {
}

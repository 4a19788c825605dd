package io.sanctionsradar.designation.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One published list format. Parsers are plain Java: they read the uploaded files (by their file names, e.g.
 * {@code sdn.csv}, {@code alt.csv}) and map every record to a designation draft.
 */
public interface ListFormat {

    /** The {@code format} value of POST /api/v1/imports, e.g. {@code ofac-sdn-csv}. */
    String name();

    /**
     * @param files uploaded files by lower-cased file name
     * @throws MalformedListException if the files are not of this format; nothing is imported then
     */
    ParsedList parse(Map<String, Path> files) throws IOException;
}

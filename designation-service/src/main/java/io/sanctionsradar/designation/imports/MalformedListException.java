package io.sanctionsradar.designation.imports;

/** The file is not what its format says (wrong columns, broken structure): it is refused as a whole. */
public class MalformedListException extends RuntimeException {

    private final Integer line;

    public MalformedListException(String message, Integer line) {
        super(line == null ? message : "line " + line + ": " + message);
        this.line = line;
    }

    public Integer line() {
        return line;
    }
}

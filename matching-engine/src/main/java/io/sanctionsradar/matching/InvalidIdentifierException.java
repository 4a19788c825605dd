package io.sanctionsradar.matching;

/** An identifier that its scheme refuses; {@link #field()} names the part at fault: "type", "value" or "country". */
public final class InvalidIdentifierException extends IllegalArgumentException {

    private final String field;

    public InvalidIdentifierException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

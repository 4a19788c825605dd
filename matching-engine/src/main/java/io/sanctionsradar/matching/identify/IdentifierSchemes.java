package io.sanctionsradar.matching.identify;

import io.sanctionsradar.matching.IdentifierType;
import io.sanctionsradar.matching.InvalidIdentifierException;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The canonical value of an identifier per scheme. Document numbers lose case, spaces and punctuation (lists and
 * clients write "AB 123-456.7" and "ab1234567" for one number); schemes with a structure or check digit are verified.
 */
public final class IdentifierSchemes {

    private static final int MAX_DOCUMENT_LENGTH = 64;
    private static final Pattern DIGITS_7 = Pattern.compile("\\d{7}");
    private static final Pattern DIGITS_9 = Pattern.compile("\\d{9}");
    /** bank (4 letters), country (2 letters), location (2), optional branch (3) */
    private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern TAIL = Pattern.compile("[A-Z0-9]{2,10}");
    private static final Pattern HEX_ADDRESS = Pattern.compile("0[xX][0-9a-fA-F]{40}");
    private static final Pattern BASE58 = Pattern.compile("[1-9A-HJ-NP-Za-km-z]{25,110}");
    /** BCH cashaddr without its "bitcoincash:" prefix: lower- or upper-case only, like bech32 */
    private static final Pattern CASHADDR = Pattern.compile("[qp][02-9ac-hj-np-z]{41}|[QP][02-9AC-HJ-NP-Z]{41}");
    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z]+:(?!//)");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final int BIC_INSTITUTION_LENGTH = 8;

    private IdentifierSchemes() {
    }

    /**
     * The value in its canonical form for this scheme.
     *
     * @throws InvalidIdentifierException ("value") when the scheme refuses it
     */
    public static String canonical(IdentifierType type, String value) {
        if (value == null || value.isBlank()) {
            throw invalid("must not be blank");
        }
        String text = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        return switch (type) {
            case IMO -> imo(prefixless(alphanumeric(text), "IMO"));
            case MMSI -> digits(prefixless(alphanumeric(text), "MMSI"), DIGITS_9, "an MMSI has 9 digits");
            case BIC -> bic(alphanumeric(text));
            case AIRCRAFT_TAIL -> tail(alphanumeric(text));
            case CRYPTO_ADDRESS -> cryptoAddress(text);
            case PASSPORT, NATIONAL_ID, TAX_ID, REGISTRATION, AIRCRAFT_SERIAL, OTHER -> document(alphanumeric(text));
        };
    }

    /** The part of a canonical value that decides equality: a BIC's institution (its first 8), else all of it. */
    public static String matchValue(IdentifierType type, String canonical) {
        return type == IdentifierType.BIC ? canonical.substring(0, BIC_INSTITUTION_LENGTH) : canonical;
    }

    /**
     * An ISO 3166 alpha-2 code upper-cased, or null for none.
     *
     * @throws InvalidIdentifierException ("country") for anything else
     */
    public static String country(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(code).matches()) {
            throw new InvalidIdentifierException("country", "must be an ISO 3166 alpha-2 country code");
        }
        return code;
    }

    /** A currency code upper-cased, BTC written as XBT (OFAC's code for bitcoin), or null for none. */
    public static String currency(String currency) {
        if (currency == null || currency.isBlank()) {
            return null;
        }
        String code = currency.strip().toUpperCase(Locale.ROOT);
        return code.equals("BTC") ? "XBT" : code;
    }

    /** Upper case, letters and digits only: spaces, dashes, dots and slashes are how numbers are written, not numbers. */
    private static String alphanumeric(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.toUpperCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String prefixless(String text, String prefix) {
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private static String document(String text) {
        if (text.isEmpty() || text.length() > MAX_DOCUMENT_LENGTH || text.chars().noneMatch(Character::isDigit)) {
            throw invalid("must be a document number: letters and digits, at least one digit, at most "
                    + MAX_DOCUMENT_LENGTH);
        }
        return text;
    }

    private static String digits(String text, Pattern pattern, String rule) {
        if (!pattern.matcher(text).matches()) {
            throw invalid(rule);
        }
        return text;
    }

    /** Seven digits, the last a check digit: the first six weighted 7 down to 2, summed, modulo 10. */
    private static String imo(String text) {
        digits(text, DIGITS_7, "an IMO number has 7 digits");
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (text.charAt(i) - '0') * (7 - i);
        }
        if (sum % 10 != text.charAt(6) - '0') {
            throw invalid("fails the IMO check digit");
        }
        return text;
    }

    /** 8 or 11 characters; the "XXX" branch is the head office, the same as none. */
    private static String bic(String text) {
        if (!BIC.matcher(text).matches()) {
            throw invalid("a BIC has 8 or 11 characters: bank (4 letters), country (2 letters), location (2), branch (3)");
        }
        return text.endsWith("XXX") && text.length() == 11 ? text.substring(0, BIC_INSTITUTION_LENGTH) : text;
    }

    private static String tail(String text) {
        if (!TAIL.matcher(text).matches()) {
            throw invalid("an aircraft registration mark has 2 to 10 letters and digits");
        }
        return text;
    }

    /**
     * Hex (0x) and bech32 addresses are case-insensitive: folded to lower case (bech32 after its checksum is
     * verified). Base58 addresses are case-sensitive: kept as written.
     */
    private static String cryptoAddress(String text) {
        String address = URI_SCHEME.matcher(text.replaceAll("\\s+", "")).replaceFirst("");
        if (HEX_ADDRESS.matcher(address).matches()) {
            return address.toLowerCase(Locale.ROOT);
        }
        if (Bech32.looksLike(address)) {
            if (!Bech32.checksumValid(address)) {
                throw invalid("fails the bech32 checksum");
            }
            return address.toLowerCase(Locale.ROOT);
        }
        if (CASHADDR.matcher(address).matches()) {
            return address.toLowerCase(Locale.ROOT);
        }
        if (BASE58.matcher(address).matches()) {
            return address;
        }
        throw invalid("must be a digital currency address: 0x hex, bech32 or base58");
    }

    private static InvalidIdentifierException invalid(String message) {
        return new InvalidIdentifierException("value", message);
    }
}

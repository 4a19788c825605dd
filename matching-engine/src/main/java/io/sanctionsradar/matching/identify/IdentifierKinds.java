package io.sanctionsradar.matching.identify;

import io.sanctionsradar.matching.IdentifierType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the kinds written by the lists (OFAC "National ID No.", "Vessel Registration Identification", "Digital Currency
 * Address - XBT"; UN "Passport", "Número de pasaporte"; EU "regnumber", "swiftbic"; CSL "Tax ID No.") and by clients
 * (the canonical type names) to a canonical type. Kinds that are not numbers of a subject (a website, a listing date,
 * a sanctions-risk note) are no identifiers; any other kind is {@link IdentifierType#OTHER}.
 */
public final class IdentifierKinds {

    /** A canonical type, and the currency for a digital currency address when the kind names one. */
    public record Kind(IdentifierType type, String currency) {
    }

    /** Currency codes the lists write after "Digital Currency Address -", also accepted alone as a kind. */
    private static final Set<String> CURRENCIES = Set.of("XBT", "BTC", "ETH", "LTC", "BCH", "BSV", "BTG", "DASH",
            "ETC", "XMR", "XVG", "ZEC", "USDT", "USDC", "TRX", "XRP", "ARB", "BSC", "SOL");

    /** Words of kinds that describe, date or classify a listing rather than number its subject. */
    private static final List<String> NOT_IDENTIFIERS = List.of("website", "email", "e mail", "date", "risk",
            "directive", "target type", "gender", "organization type", "issuer name", "ticker", "nationality",
            "phone", "fax", "sanctions", "transactions prohibited", "information", "model", "operator");

    private IdentifierKinds() {
    }

    /** The kind's canonical type, or empty when it names no identifier (blank, or a description of the listing). */
    public static Optional<Kind> of(String kind) {
        if (kind == null || kind.isBlank()) {
            return Optional.empty();
        }
        String upper = kind.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (IdentifierType type : IdentifierType.values()) {
            if (type.name().equals(upper)) {
                return Optional.of(new Kind(type, null));
            }
        }
        String words = " " + kind.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
        Optional<Kind> crypto = crypto(words);
        if (crypto.isPresent()) {
            return crypto;
        }
        if (NOT_IDENTIFIERS.stream().anyMatch(words::contains)) {
            return Optional.empty();
        }
        return Optional.of(new Kind(type(words), null));
    }

    private static Optional<Kind> crypto(String words) {
        String code = words.strip().toUpperCase(Locale.ROOT);
        if (CURRENCIES.contains(code)) {
            return Optional.of(new Kind(IdentifierType.CRYPTO_ADDRESS, code));
        }
        if (!hasAny(words, "digital currency", "crypto", "wallet", "virtual currency")) {
            return Optional.empty();
        }
        String last = code.substring(code.lastIndexOf(' ') + 1);
        return Optional.of(new Kind(IdentifierType.CRYPTO_ADDRESS, CURRENCIES.contains(last) ? last : null));
    }

    /** First rule that fits, most specific first ("Tax ID No." is a tax id before it is an id). */
    private static IdentifierType type(String w) {
        if (w.contains(" imo ") && w.contains("company")) {
            return IdentifierType.REGISTRATION; // a shipowner's IMO company number: no check digit
        }
        if (hasAny(w, " imo ", "vessel registration")) {
            return IdentifierType.IMO;
        }
        if (hasAny(w, " mmsi ")) {
            return IdentifierType.MMSI;
        }
        if (hasAny(w, "tail number", " tail ") || w.contains("aircraft") && w.contains("registration")) {
            return IdentifierType.AIRCRAFT_TAIL;
        }
        if (hasAny(w, " msn ", "construction number")
                || w.contains("aircraft") && hasAny(w, "serial", "manufacturer")) {
            return IdentifierType.AIRCRAFT_SERIAL;
        }
        if (hasAny(w, "swift", " bic ", "swiftbic")) {
            return IdentifierType.BIC;
        }
        if (hasAny(w, "passport", "pasaporte", "passeport", "reisepass")) {
            return IdentifierType.PASSPORT;
        }
        if (hasAny(w, " tax ", " nit ", " rfc ", " r f c ", " ruc ", " inn ", " tin ", " vat ", " v a t ", "fiscal",
                " cuit ", " rif ", " fein ", " ein ")) {
            return IdentifierType.TAX_ID;
        }
        if (hasAny(w, "registration", "regnumber", "company number", "company no", "business", " d u n s ", " duns ",
                " uscc ", "unified social credit", "legal entity", " lei ", " ogrn ", "commercial regist", "mercantil",
                "trade license", "trade licence", " c r no ", "chamber of commerce")) {
            return IdentifierType.REGISTRATION;
        }
        if (hasAny(w, "national", "identity", "identidad", "identification", " id ", "cedula", "cédula", " curp ",
                " c u r p ", " ssn ", "social security", " dni ", " d n i ", " nin ")) {
            return IdentifierType.NATIONAL_ID;
        }
        return IdentifierType.OTHER;
    }

    private static boolean hasAny(String words, String... needles) {
        for (String needle : needles) {
            if (words.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}

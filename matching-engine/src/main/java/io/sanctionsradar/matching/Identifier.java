package io.sanctionsradar.matching;

import io.sanctionsradar.matching.identify.IdentifierKinds;
import io.sanctionsradar.matching.identify.IdentifierSchemes;

import java.util.Objects;
import java.util.Optional;

/**
 * A document, registration or address number in its canonical form: constructing one normalizes the value for its
 * scheme (case, spaces, dashes, dots; IMO check digit, BIC structure, MMSI length, bech32 checksum) and refuses a
 * value the scheme does not allow, so two identifiers denote the same number exactly when their {@link #key()}s are
 * equal.
 *
 * @param country  ISO 3166 alpha-2 code of the issuing country, or null; kept only for country-scoped schemes
 * @param currency for a {@link IdentifierType#CRYPTO_ADDRESS}, the currency code as written ("XBT", "ETH"), or null
 */
public record Identifier(IdentifierType type, String value, String country, String currency) {

    public Identifier {
        Objects.requireNonNull(type, "type");
        value = IdentifierSchemes.canonical(type, value);
        country = type.countryScoped() ? IdentifierSchemes.country(country) : null;
        currency = type == IdentifierType.CRYPTO_ADDRESS ? IdentifierSchemes.currency(currency) : null;
    }

    public Identifier(IdentifierType type, String value, String country) {
        this(type, value, country, null);
    }

    /**
     * An identifier from a kind as a list or a client writes it ("Passport", "National ID No.", "IMO", "Digital
     * Currency Address - XBT", "SWIFT/BIC", or a canonical type name).
     *
     * @throws InvalidIdentifierException when the kind names no identifier scheme ("type") or the value fails it
     */
    public static Identifier of(String kind, String value, String country) {
        IdentifierKinds.Kind k = IdentifierKinds.of(kind)
                .orElseThrow(() -> new InvalidIdentifierException("type", kind == null || kind.isBlank()
                        ? "must name an identifier type such as PASSPORT, NATIONAL_ID, IMO or BIC"
                        : "\"" + kind + "\" describes a listing, it names no identifier type"));
        return new Identifier(k.type(), value, country, k.currency());
    }

    /**
     * A listed identifier, or empty when the kind is not an identifier at all (a website, a listing date) or the
     * value fails its scheme (a list's typo cannot equal a valid query value anyway).
     */
    public static Optional<Identifier> listed(String kind, String value, String country) {
        try {
            return Optional.of(of(kind, value, country));
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
    }

    /** Type and the value that decides equality ("IMO:9074729", a BIC's first 8 characters). */
    public String key() {
        return type + ":" + IdentifierSchemes.matchValue(type, value);
    }

    /** Whether both name the same number: same key, and issuing countries that agree where both give one. */
    public boolean sameAs(Identifier other) {
        return key().equals(other.key()) && countriesAgree(other);
    }

    /**
     * Whether both are of one exclusive scheme in the same scope but name different numbers: evidence against being
     * the same subject (see {@link IdentifierType#exclusive()}).
     */
    public boolean contradicts(Identifier other) {
        return type == other.type && type.exclusive() && Objects.equals(country, other.country)
                && !key().equals(other.key());
    }

    private boolean countriesAgree(Identifier other) {
        return country == null || other.country == null || country.equals(other.country);
    }

    @Override
    public String toString() {
        return type + " " + value + (country == null ? "" : " (" + country + ")")
                + (currency == null ? "" : " [" + currency + "]");
    }
}

package io.sanctionsradar.matching;

/**
 * The canonical identifier schemes (the lists write dozens of kinds; {@code identify.IdentifierKinds} maps them).
 * A country-scoped scheme is issued per country: its numbers agree only where both sides' countries do.
 */
public enum IdentifierType {
    PASSPORT(true, true),
    NATIONAL_ID(true, true),
    TAX_ID(true, true),
    /** company or business registration, USCC, D-U-N-S, LEI */
    REGISTRATION(true, true),
    /** SWIFT/BIC: one per institution, matched on its first 8 characters (a branch is its bank) */
    BIC(false, true),
    IMO(false, true),
    MMSI(false, true),
    AIRCRAFT_TAIL(false, true),
    /** manufacturer's serial (MSN) or construction number */
    AIRCRAFT_SERIAL(false, true),
    /** a digital currency address; a holder has many, so another address never contradicts */
    CRYPTO_ADDRESS(false, false),
    /** any other document or number; too loose to contradict */
    OTHER(true, false);

    private final boolean countryScoped;
    private final boolean exclusive;

    IdentifierType(boolean countryScoped, boolean exclusive) {
        this.countryScoped = countryScoped;
        this.exclusive = exclusive;
    }

    /** Whether numbers of this scheme are issued per country (passports, national ids, tax and registration numbers). */
    public boolean countryScoped() {
        return countryScoped;
    }

    /**
     * Whether a subject holds one number of this scheme per scope, so that a different number of the same scheme and
     * scope speaks against being the same subject (a vessel has one IMO number; a holder has many crypto addresses).
     */
    public boolean exclusive() {
        return exclusive;
    }
}

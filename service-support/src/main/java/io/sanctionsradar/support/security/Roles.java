package io.sanctionsradar.support.security;

/** The roles a bearer token grants in its {@code groups} claim; each endpoint names the roles it admits. */
public final class Roles {

    /** Records designations and countermeasures, imports lists, keeps reference data. */
    public static final String ANALYST = "analyst";
    /** Screens names and keeps monitored parties and alerts of the portfolios its token names. */
    public static final String SCREENER = "screener";
    /** Keeps webhook subscriptions and their deliveries. */
    public static final String SUBSCRIPTIONS_ADMIN = "subscriptions-admin";
    /** Reads history, receipts and the audit trail; changes nothing. */
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}

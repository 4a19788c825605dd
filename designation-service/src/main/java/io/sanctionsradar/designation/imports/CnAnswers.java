package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.RespondsTo;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one of China's countermeasures answers ({@link CnCountermeasuresCsv}). The file names no answered action, so:
 * <ol>
 * <li>China's announcements of 22, 26 and 27 March 2021 say they answer the Xinjiang listings of 22 March 2021:
 * those of the EU (targets in the EU or of EU bodies, announced the 22nd), the UK (GB, the 26th), the US and Canada
 * (the 27th; Canada's file dates its listings the 21st, GAC announced them the 22nd). These answers name a known
 * action, which the import links to the designations recorded for it.</li>
 * <li>Any other countermeasure answers the state of its targets, named by that state's foreign-affairs authority
 * here (US-STATE, UK-FCDO, CA-GAC, JP-MOFA; EU-COUNCIL for the EU and its member states, whose sanctions are
 * common) with China's own date, and a description saying so: a placeholder an analyst corrects, never linked.</li>
 * <li>A target without a state, or of one with no authority here, gives no answer: the row is rejected.</li>
 * </ol>
 */
final class CnAnswers {

    /** An answer, and whether it names a known foreign action. */
    record Answer(RespondsTo respondsTo, boolean known) {
    }

    static final String EU = "EU";
    private static final Set<String> EU_MEMBERS = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
            "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    private static final Map<String, String> FOREIGN_AFFAIRS = Map.of("US", "US-STATE", "GB", "UK-FCDO",
            "CA", "CA-GAC", "JP", "JP-MOFA", EU, "EU-COUNCIL");
    private static final LocalDate XINJIANG_LISTINGS = LocalDate.of(2021, 3, 22);

    /** China's date and the targets' state → the Xinjiang listings that announcement answered. */
    private record Known(LocalDate chinasDate, String state, RespondsTo action) {
    }

    private static final List<Known> KNOWN = List.of(
            known(22, EU, "EU-COUNCIL", "EU listings of 22 March 2021 over Xinjiang under the Global Human Rights "
                    + "Sanctions Regime (Council Implementing Regulation (EU) 2021/478)"),
            known(26, "GB", "UK-FCDO", "UK listings of 22 March 2021 over Xinjiang under the Global Human Rights "
                    + "Sanctions Regulations 2020"),
            known(27, "US", "US-OFAC", "OFAC's Global Magnitsky designations of 22 March 2021 over Xinjiang"),
            known(27, "CA", "CA-GAC", "Canada's listings of 21-22 March 2021 over Xinjiang under the Special "
                    + "Economic Measures (People's Republic of China) Regulations"));

    private CnAnswers() {
    }

    private static Known known(int dayOfMarch2021, String state, String authority, String description) {
        return new Known(LocalDate.of(2021, 3, dayOfMarch2021), state,
                new RespondsTo(null, authority, XINJIANG_LISTINGS, description));
    }

    /** "EU" for the EU's bodies and member states, else the ISO code; null when the Country names no state. */
    static String state(String country) {
        if (country == null) {
            return null;
        }
        if (country.equals(EU)) {
            return EU;
        }
        String iso = Countries.code(country).orElse(null);
        return iso != null && EU_MEMBERS.contains(iso) ? EU : iso;
    }

    /** The answer of a countermeasure of {@code chinasDate} against targets of {@code country}; empty if none. */
    static Optional<Answer> of(CnProgramme programme, LocalDate chinasDate, String country) {
        String state = state(country);
        if (programme == CnProgramme.MFA_COUNTERMEASURES) {
            Optional<Answer> known = KNOWN.stream()
                    .filter(k -> k.chinasDate().equals(chinasDate) && k.state().equals(state))
                    .map(k -> new Answer(k.action(), true)).findFirst();
            if (known.isPresent()) {
                return known;
            }
        }
        String authority = state == null ? null : FOREIGN_AFFAIRS.get(state);
        if (authority == null) {
            return Optional.empty();
        }
        String description = "Not named by the list: the action of the targets' state (" + name(state)
                + ") that China's measure of " + chinasDate + " answers; the date is China's own";
        return Optional.of(new Answer(new RespondsTo(null, authority, chinasDate, description), false));
    }

    /** Why a row of this country has no answer, for its rejection. */
    static String noAnswer(String country) {
        String state = state(country);
        return (country == null ? "no Country" : "Country '" + country + "'"
                + (state == null ? " is no state" : " (" + name(state) + ") has no authority here"))
                + ", so no state whose action this countermeasure answers; only targets of "
                + FOREIGN_AFFAIRS.keySet().stream().sorted().toList() + " can be answered";
    }

    private static String name(String state) {
        return state.equals(EU) ? "the European Union" : new Locale("", state).getDisplayCountry(Locale.ENGLISH);
    }
}

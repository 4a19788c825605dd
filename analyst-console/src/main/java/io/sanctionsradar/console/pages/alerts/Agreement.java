package io.sanctionsradar.console.pages.alerts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The party's facts beside the listed subject's: does the birth date, the country, each identifier agree, differ,
 * or is one side silent. An analyst reads this row by row before deciding; the engine's own weighting of the same
 * facts is in the explanation's adjustments.
 */
public final class Agreement {

    public enum Verdict { AGREES, DIFFERS, UNKNOWN }

    /** One fact: what the party says, what the listing says, and whether they agree. */
    public record Fact(String label, String party, String listed, Verdict verdict) {
        public String css() {
            return switch (verdict) {
                case AGREES -> "agree";
                case DIFFERS -> "disagree";
                case UNKNOWN -> "unknown";
            };
        }
    }

    private Agreement() {
    }

    /** @param party the alert's party; @param subject the designation's subject (designation-service) */
    public static List<Fact> of(JsonNode party, JsonNode subject) {
        List<Fact> facts = new ArrayList<>();
        facts.add(birthDate(party.path("birthDate").asText(""), texts(subject.path("birthDates"))));
        facts.add(country(party.path("country").asText(""), subject));
        party.path("identifiers").forEach(id -> facts.add(identifier(id, subject.path("identifiers"))));
        return facts;
    }

    /** A date agrees when one is a prefix of the other: 1971 agrees with 1971-05-02, as the engine reads them. */
    static Fact birthDate(String party, List<String> listed) {
        String shown = String.join(", ", listed);
        if (party.isEmpty() || listed.isEmpty()) {
            return new Fact("Birth date", party, shown, Verdict.UNKNOWN);
        }
        boolean agrees = listed.stream().anyMatch(d -> d.startsWith(party) || party.startsWith(d));
        return new Fact("Birth date", party, shown, agrees ? Verdict.AGREES : Verdict.DIFFERS);
    }

    static Fact country(String party, JsonNode subject) {
        List<String> listed = new ArrayList<>(texts(subject.path("nationalities")));
        texts(subject.path("citizenships")).stream().filter(c -> !listed.contains(c)).forEach(listed::add);
        subject.path("addresses").forEach(a -> {
            String c = a.path("country").asText("");
            if (!c.isEmpty() && !listed.contains(c)) {
                listed.add(c);
            }
        });
        String shown = String.join(", ", listed);
        if (party.isEmpty() || listed.isEmpty()) {
            return new Fact("Country", party, shown, Verdict.UNKNOWN);
        }
        return new Fact("Country", party, shown, listed.contains(party) ? Verdict.AGREES : Verdict.DIFFERS);
    }

    /**
     * Any listed number equal in letters and digits agrees; a listed document of the same kind with another number
     * differs; otherwise unknown. Listings name kinds in their own words ("Passport", "National ID No."), so the
     * party's type is looked for in the listed kind.
     */
    static Fact identifier(JsonNode partyId, JsonNode listedIds) {
        String type = partyId.path("type").asText("");
        String value = canonical(partyId.path("value").asText(""));
        String party = type + " " + partyId.path("value").asText("");
        List<String> sameKind = new ArrayList<>();
        for (JsonNode listed : listedIds) {
            String number = listed.path("number").asText(listed.path("value").asText(""));
            String kind = listed.path("kind").asText(listed.path("type").asText(""));
            if (canonical(number).equals(value)) {
                return new Fact("Identifier", party, kind + " " + number, Verdict.AGREES);
            }
            if (canonical(kind).contains(canonical(type))) {
                sameKind.add(kind + " " + number);
            }
        }
        return new Fact("Identifier", party, String.join(", ", sameKind),
                sameKind.isEmpty() ? Verdict.UNKNOWN : Verdict.DIFFERS);
    }

    private static String canonical(String value) {
        return value.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}

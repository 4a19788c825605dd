package io.sanctionsradar.console.pages.parties;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The party form as typed: identifiers one per line, {@code TYPE:VALUE} with an optional {@code /CC} issuing country
 * (as in the CSV book's identifiers column), turned into the JSON body of {@code PUT /monitored-parties/{id}}.
 */
public record PartyForm(String partyId, String name, String type, String birthDate, String country,
        String identifiers) {

    // A final "/" and two letters is the issuing country, as screening-service reads the CSV column
    private static final Pattern COUNTRY_SUFFIX = Pattern.compile("(.*)/([A-Za-z]{2})");

    public static PartyForm blank() {
        return new PartyForm("", "", "", "", "", "");
    }

    /** The form filled with a stored party, for editing it. */
    public static PartyForm of(JsonNode party) {
        List<String> lines = new ArrayList<>();
        party.path("identifiers").forEach(id -> lines.add(id.path("type").asText() + ":" + id.path("value").asText()
                + (id.path("country").asText("").isBlank() ? "" : "/" + id.path("country").asText())));
        return new PartyForm(party.path("partyId").asText(), party.path("name").asText(),
                party.path("type").asText(""), party.path("birthDate").asText(""),
                party.path("country").asText(""), String.join("\n", lines));
    }

    /** The line that is not TYPE:VALUE, as an error for the identifiers field; null when all are. */
    public String identifiersProblem() {
        String[] lines = text(identifiers).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int colon = line.indexOf(':');
            if (!line.isEmpty() && (colon <= 0 || colon == line.length() - 1)) {
                return "line " + (i + 1) + ": write TYPE:VALUE or TYPE:VALUE/CC, such as PASSPORT:AB1234567/RU";
            }
        }
        return null;
    }

    /** The body the service takes; blank fields are left out rather than sent empty. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", text(name).strip());
        putIfGiven(body, "type", type);
        putIfGiven(body, "birthDate", birthDate);
        putIfGiven(body, "country", country);
        body.put("identifiers", identifierList());
        return body;
    }

    List<Map<String, String>> identifierList() {
        List<Map<String, String>> list = new ArrayList<>();
        for (String raw : text(identifiers).split("\\R")) {
            String line = raw.strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            Map<String, String> id = new LinkedHashMap<>();
            id.put("type", line.substring(0, colon).strip());
            String value = line.substring(colon + 1).strip();
            Matcher country = COUNTRY_SUFFIX.matcher(value);
            if (country.matches()) {
                id.put("value", country.group(1).strip());
                id.put("country", country.group(2).toUpperCase());
            } else {
                id.put("value", value);
            }
            list.add(id);
        }
        return list;
    }

    private static void putIfGiven(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

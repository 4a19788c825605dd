package io.sanctionsradar.console.pages.designations;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a countermeasure answers a designation: its respondsTo names the designation by id, or names the action of
 * the designation's authority on the day it was listed. The designation service filters by the same rule; the
 * console checks again, so a service without that filter cannot put unrelated countermeasures on the page.
 */
final class Answers {

    private Answers() {
    }

    static boolean answers(JsonNode countermeasure, JsonNode designation) {
        String id = designation.path("designationId").asText();
        String authority = designation.path("authority").asText();
        String listedOn = designation.path("listedOn").asText();
        for (JsonNode answer : countermeasure.path("respondsTo")) {
            if (id.equals(answer.path("designationId").asText(null))
                    || authority.equals(answer.path("authority").asText(null))
                    && listedOn.equals(answer.path("actionDate").asText(null))) {
                return true;
            }
        }
        return false;
    }
}

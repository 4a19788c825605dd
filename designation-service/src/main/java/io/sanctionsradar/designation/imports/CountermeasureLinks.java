package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Address;
import io.sanctionsradar.designation.domain.Designation;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.DesignationKind;
import io.sanctionsradar.designation.domain.RespondsTo;
import io.sanctionsradar.designation.domain.Subject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Links an imported countermeasure to the designations it answers. A known foreign action (an authority and the day
 * it acted, {@link ListEntry#actionsToLink()}) stands for that authority's active designations listed that day or
 * the day before or after (lists and announcements differ by a day: Canada's file dates its Xinjiang listings the
 * 21st, GAC announced them the 22nd), of parties of the countermeasure's own state: a nationality, citizenship or
 * address there (China: with Hong Kong and Macao), or a regime named after it (a programme ending in -CN), since the
 * EU, UK and Canada listed Russian and other parties the same day. Each becomes an answer by designationId beside
 * the authority-and-date one.
 *
 * <p>The link is made when the countermeasure is first imported; later imports keep the designationId answers it
 * has, so an analyst's correction (PUT /api/v1/designations/{id}) stays.
 */
final class CountermeasureLinks {

    /** The active designations of an authority listed between two days, both included. */
    interface Designations {
        List<Designation> listedBetween(String authority, LocalDate from, LocalDate to);
    }

    private static final int MAX_ANSWERS = 100;
    private static final Map<String, Set<String>> TERRITORIES = Map.of("CN", Set.of("CN", "HK", "MO"));

    private final Designations designations;
    private final Function<String, String> countryOfAuthority;
    private final Map<String, List<Designation>> listed = new HashMap<>();

    /**
     * @param countryOfAuthority an authority's country (CN-MFA → CN), null when it has none
     */
    CountermeasureLinks(Designations designations, Function<String, String> countryOfAuthority) {
        this.designations = designations;
        this.countryOfAuthority = countryOfAuthority;
    }

    /** The entry's draft with the designations it answers; {@code existing} is its current version, if any. */
    DesignationDraft linked(ListEntry entry, Designation existing) {
        DesignationDraft draft = entry.draft();
        if (entry.kind() != DesignationKind.COUNTERMEASURE) {
            return draft;
        }
        Set<RespondsTo> answers = new LinkedHashSet<>(draft.respondsTo());
        if (existing != null) {
            existing.respondsTo().stream().filter(a -> a.designationId() != null).forEach(answers::add);
        } else {
            String country = countryOfAuthority.apply(draft.authority());
            Set<String> own = country == null ? Set.of() : TERRITORIES.getOrDefault(country, Set.of(country));
            for (RespondsTo action : entry.actionsToLink()) {
                answered(action).stream().filter(d -> ofState(d, own))
                        .forEach(d -> answers.add(new RespondsTo(d.designationId(), null, null, null)));
            }
        }
        List<RespondsTo> capped = new ArrayList<>(answers).subList(0, Math.min(answers.size(), MAX_ANSWERS));
        return capped.equals(draft.respondsTo()) ? draft : new DesignationDraft(draft.authority(), draft.programs(),
                draft.legalBasis(), draft.listedOn(), draft.sourceList(), draft.sourceId(), draft.sourceReference(),
                draft.sourceUrl(), draft.measures(), draft.subject(), capped);
    }

    /** Looked up once per action and import: one announcement answers the same action for all its targets. */
    private List<Designation> answered(RespondsTo action) {
        return listed.computeIfAbsent(action.authority() + "@" + action.actionDate(), k -> designations.listedBetween(
                action.authority(), action.actionDate().minusDays(1), action.actionDate().plusDays(1)));
    }

    private static boolean ofState(Designation designation, Set<String> countries) {
        Subject s = designation.subject();
        return Stream.of(s.nationalities().stream(), s.citizenships().stream(),
                        s.addresses().stream().map(Address::country))
                .flatMap(c -> c).filter(Objects::nonNull).anyMatch(countries::contains)
                || designation.programs().stream().anyMatch(p -> countries.stream().anyMatch(c -> p.endsWith("-" + c)));
    }
}

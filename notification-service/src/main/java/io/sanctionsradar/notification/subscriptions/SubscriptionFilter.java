package io.sanctionsradar.notification.subscriptions;

import io.sanctionsradar.notification.events.EventFacts;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Narrows a subscription's events: each list, when not empty, requires the event to have one of its values
 * (authorities, programmes, subject types and countries: any of the event's; portfolios: alerts only). An event
 * without the fact a non-empty list asks about does not pass, so a portfolio filter lets no designation through.
 */
public record SubscriptionFilter(List<String> authorities, List<String> programs, List<String> subjectTypes,
                                 List<String> countries, List<String> portfolios) {

    public static final SubscriptionFilter ANY = new SubscriptionFilter(List.of(), List.of(), List.of(), List.of(),
            List.of());

    public SubscriptionFilter {
        authorities = copy(authorities);
        programs = copy(programs);
        subjectTypes = copy(subjectTypes);
        countries = copy(countries);
        portfolios = copy(portfolios);
    }

    public boolean matches(EventFacts facts) {
        return allows(authorities, facts.authority())
                && allowsAny(programs, facts.programs())
                && allows(subjectTypes, facts.subjectType())
                && allowsAny(countries, facts.countries())
                && allows(portfolios, facts.portfolio());
    }

    private static boolean allows(List<String> wanted, String value) {
        return wanted.isEmpty() || (value != null && wanted.contains(value));
    }

    private static boolean allowsAny(List<String> wanted, Set<String> values) {
        return wanted.isEmpty() || values.stream().anyMatch(wanted::contains);
    }

    private static List<String> copy(Collection<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}

package io.sanctionsradar.screening.watchlist;

import io.sanctionsradar.matching.MatchingEngine;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Groups listings that are the same subject: the same identifier (type and canonical number, and issuing country
 * where the listing gives one), the same normalized name with a shared birth date and nationality
 * (a person) or a shared country (an organization), or an analyst's link; an analyst's unlink keeps two listings
 * apart whatever the rules say. Computed from the listings and links alone, so every replica holding the same
 * events holds the same subjects, whatever order they arrived in.
 * <p>
 * A subject's id is derived from its anchor: the member listed first (listedOn, then designationId; no date
 * sorts last). A new listing of a known subject is listed later, so the id survives it; when two subjects merge
 * the id of the earlier-listed one survives; when an unlink or a change splits one, the part holding the anchor
 * keeps the id and every other part takes its own anchor's. Not thread-safe: the watchlist holds it under its lock.
 */
public final class SubjectGrouping {

    /** Why two listings are one subject. */
    public enum Reason { IDENTIFIER, NAME_BIRTH_DATE_NATIONALITY, NAME_COUNTRY, ANALYST_LINK }

    /** A member joined to an earlier member of its subject, and why. */
    public record Bond(String designationId, String joinedTo, Reason reason) {
    }

    /** One subject: its id, its listings (anchor first) and why each joined. */
    public record Subject(String subjectId, List<String> designationIds, List<Bond> bonds) {
    }

    private record Member(String designationId, LocalDate listedOn, Set<String> keys) {
    }

    private static final Comparator<Member> ANCHOR_ORDER = Comparator
            .comparing(Member::listedOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Member::designationId);

    private final Map<String, Member> members = new HashMap<>();
    private final Map<String, Set<String>> membersOfKey = new HashMap<>();
    private final Map<String, Set<String>> links = new HashMap<>();
    private final Map<String, Set<String>> unlinks = new HashMap<>();
    private final Map<String, Subject> subjects = new HashMap<>();
    private final Map<String, String> subjectOf = new HashMap<>();

    /** Takes a listing, new or changed, and regroups what it touches. */
    public void put(Listing listing) {
        Set<String> seeds = new HashSet<>(Set.of(listing.designationId()));
        Member old = members.get(listing.designationId());
        if (old != null) {
            old.keys().forEach(key -> removeFrom(membersOfKey, key, old.designationId()));
        }
        Member member = new Member(listing.designationId(), listing.listedOn(), keys(listing));
        members.put(member.designationId(), member);
        member.keys().forEach(key -> membersOfKey.computeIfAbsent(key, k -> new TreeSet<>()).add(member.designationId()));
        regroup(seeds);
    }

    /** An analyst's link: the two listings are one subject (unless an unlink of the same pair is newer). */
    public void link(String a, String b) {
        removeFrom(unlinks, a, b);
        removeFrom(unlinks, b, a);
        links.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
        links.computeIfAbsent(b, k -> new TreeSet<>()).add(a);
        regroup(new HashSet<>(List.of(a, b)));
    }

    /** An analyst's unlink: the two listings are never one subject, even if the rules would join them. */
    public void unlink(String a, String b) {
        removeFrom(links, a, b);
        removeFrom(links, b, a);
        unlinks.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
        unlinks.computeIfAbsent(b, k -> new TreeSet<>()).add(a);
        regroup(new HashSet<>(List.of(a, b)));
    }

    public Optional<Subject> subject(String subjectId) {
        return Optional.ofNullable(subjects.get(subjectId));
    }

    /** The subject a listing belongs to; empty for a listing not held. */
    public Optional<Subject> subjectOfListing(String designationId) {
        return Optional.ofNullable(subjectOf.get(designationId)).map(subjects::get);
    }

    public static String subjectId(String anchorDesignationId) {
        return UUID.nameUUIDFromBytes(("subject:" + anchorDesignationId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The keys on which two listings are the same subject; only people and organizations are grouped by name. */
    static Set<String> keys(Listing listing) {
        Listing.Subject s = listing.subject();
        Set<String> keys = new LinkedHashSet<>();
        if (s == null || s.type() == null) {
            return keys;
        }
        // a number issued by one country names one holder; the same number from another country is another one
        listing.identifiers().forEach(id -> keys.add("I|" + id.key() + "|" + (id.country() == null ? "" : id.country())));
        Set<String> names = new TreeSet<>();
        names.add(MatchingEngine.identityKey(s.name()));
        s.aliases().stream().filter(a -> !"WEAK".equals(a.kind())) // a weak alias is too loose to join on
                .forEach(a -> names.add(MatchingEngine.identityKey(a.name())));
        names.remove("");
        Set<String> nationalities = new TreeSet<>(s.nationalities());
        nationalities.addAll(s.citizenships());
        if ("PERSON".equals(s.type())) {
            for (String name : names) {
                for (String birthDate : s.birthDates()) {
                    nationalities.forEach(n -> keys.add("P|" + name + "|" + birthDate + "|" + n));
                }
            }
        } else if ("ORGANIZATION".equals(s.type())) {
            Set<String> countries = new TreeSet<>(nationalities);
            s.addresses().stream().map(Listing.Address::country).filter(c -> c != null).forEach(countries::add);
            names.forEach(name -> countries.forEach(c -> keys.add("O|" + name + "|" + c)));
        }
        return keys;
    }

    /** Regroups every connected part the seeds and their current subjects reach; other subjects stay as they are. */
    private void regroup(Set<String> seeds) {
        Set<String> region = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(seeds);
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (!region.add(id)) {
                continue;
            }
            Subject current = subjects.get(subjectOf.get(id));
            if (current != null) {
                pending.addAll(current.designationIds());
            }
            pending.addAll(neighbours(id));
        }
        for (String id : region) {
            String subjectId = subjectOf.remove(id);
            if (subjectId != null) {
                subjects.remove(subjectId);
            }
        }
        List<Member> ordered = region.stream().map(members::get).filter(m -> m != null).sorted(ANCHOR_ORDER).toList();
        for (List<Member> cluster : cluster(ordered)) {
            Subject subject = describe(cluster);
            subjects.put(subject.subjectId(), subject);
            subject.designationIds().forEach(id -> subjectOf.put(id, subject.subjectId()));
        }
    }

    /**
     * In anchor order, each listing joins the first subject it is bonded to that holds none it was unlinked
     * from, and brings in the others it is bonded to unless an unlink stands between them.
     */
    private List<List<Member>> cluster(List<Member> ordered) {
        List<List<Member>> clusters = new ArrayList<>();
        Map<String, List<Member>> clusterOf = new HashMap<>();
        for (Member member : ordered) {
            List<Member> home = null;
            for (String neighbour : new TreeSet<>(neighbours(member.designationId()))) {
                List<Member> candidate = clusterOf.get(neighbour);
                if (candidate == null || candidate == home || !compatible(List.of(member), candidate)) {
                    continue;
                }
                if (home == null) {
                    home = candidate;
                    home.add(member);
                    clusterOf.put(member.designationId(), home);
                } else if (compatible(home, candidate)) {
                    home.addAll(candidate);
                    candidate.forEach(m -> clusterOf.put(m.designationId(), clusterOf.get(member.designationId())));
                    clusters.remove(candidate);
                }
            }
            if (home == null) {
                home = new ArrayList<>(List.of(member));
                clusters.add(home);
                clusterOf.put(member.designationId(), home);
            }
        }
        clusters.forEach(c -> c.sort(ANCHOR_ORDER));
        return clusters;
    }

    private boolean compatible(List<Member> a, List<Member> b) {
        for (Member x : a) {
            Set<String> apart = unlinks.getOrDefault(x.designationId(), Set.of());
            for (Member y : b) {
                if (apart.contains(y.designationId())) {
                    return false;
                }
            }
        }
        return true;
    }

    private Subject describe(List<Member> cluster) {
        List<String> ids = cluster.stream().map(Member::designationId).toList();
        List<Bond> bonds = new ArrayList<>();
        for (int i = 1; i < cluster.size(); i++) {
            Member member = cluster.get(i);
            List<Member> others = new ArrayList<>(cluster.subList(0, i)); // earlier members first
            others.addAll(cluster.subList(i + 1, cluster.size()));
            bonds.add(bond(member, others));
        }
        return new Subject(subjectId(ids.get(0)), ids, bonds);
    }

    /** Why a member is in its subject: its first bond to another member, earlier ones first, a link before a rule. */
    private Bond bond(Member member, List<Member> others) {
        Set<String> linked = links.getOrDefault(member.designationId(), Set.of());
        for (Member other : others) {
            if (linked.contains(other.designationId())) {
                return new Bond(member.designationId(), other.designationId(), Reason.ANALYST_LINK);
            }
        }
        for (Member other : others) {
            for (String key : member.keys()) {
                if (other.keys().contains(key)) {
                    return new Bond(member.designationId(), other.designationId(),
                            reason(key));
                }
            }
        }
        throw new IllegalStateException("a member of a subject is bonded to none of it: " + member.designationId());
    }

    private static Reason reason(String key) {
        return switch (key.charAt(0)) {
            case 'I' -> Reason.IDENTIFIER;
            case 'P' -> Reason.NAME_BIRTH_DATE_NATIONALITY;
            default -> Reason.NAME_COUNTRY;
        };
    }

    private Set<String> neighbours(String id) {
        Set<String> found = new HashSet<>(links.getOrDefault(id, Set.of()));
        Member member = members.get(id);
        if (member != null) {
            member.keys().forEach(key -> found.addAll(membersOfKey.getOrDefault(key, Set.of())));
        }
        found.remove(id);
        found.removeIf(n -> !members.containsKey(n)); // a link to a listing not (yet) held waits for it
        return found;
    }

    private static void removeFrom(Map<String, Set<String>> index, String key, String value) {
        Set<String> values = index.get(key);
        if (values != null) {
            values.remove(value);
            if (values.isEmpty()) {
                index.remove(key);
            }
        }
    }
}

package io.sanctionsradar.screening.monitoring;

import io.sanctionsradar.matching.MatchingEngine;
import io.sanctionsradar.screening.monitoring.AlertEvents.Amendment;
import io.sanctionsradar.screening.monitoring.AlertEvents.ClearedReason;
import io.sanctionsradar.screening.monitoring.AlertEvents.MatchAmended;
import io.sanctionsradar.screening.monitoring.AlertEvents.MatchCleared;
import io.sanctionsradar.screening.monitoring.AlertEvents.MatchFound;
import io.sanctionsradar.screening.monitoring.AlertEvents.PartyView;
import io.sanctionsradar.screening.monitoring.AlertEvents.Trigger;
import io.sanctionsradar.screening.monitoring.AlertStore.Pair;
import io.sanctionsradar.screening.monitoring.AlertStore.State;
import io.sanctionsradar.screening.monitoring.AlertStore.SubjectKey;
import io.sanctionsradar.screening.monitoring.EvidenceStore.Evidence;
import io.sanctionsradar.screening.screenings.ScreeningResult;
import io.sanctionsradar.screening.screenings.ScreeningResult.MatchView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns screenings of monitored parties into alert changes, one alert per party and subject (the person or entity,
 * however many authorities list it), in the caller's transaction:
 * <ul>
 * <li>a hit raises an alert unless its pair (party, listing) has one on this listing version that stands, or that
 * was dismissed for this very party version; an alert on an older listing version is superseded;</li>
 * <li>a hit on a further listing of a subject that already has a standing alert for the party is evidence on that
 * alert ({@code screening.match.amended}), not a new alert; so is a newer version of a listing that is evidence;</li>
 * <li>a standing alert or evidence in scope that is not hit any more is cleared or removed; the live evidence of an
 * alert that goes passes to the alert that takes the subject on, or the best of it becomes that alert.</li>
 * </ul>
 * A dismissed (FALSE_POSITIVE) alert does not stand: a new listing of its subject alerts afresh.
 */
@ApplicationScoped
class AlertRecorder {

    private static final Logger LOG = Logger.getLogger(AlertRecorder.class);

    @Inject
    AlertStore alerts;

    @Inject
    EvidenceStore evidence;

    @Inject
    AlertOutbox codec;

    /** A party screened, with the subject of each listing it matched (read with the screening, under its lock). */
    record Screened(MonitoredParty party, ScreeningResult result, Map<String, String> subjectOfEntry) {
    }

    /** Why a hit in scope went away. */
    record Why(ClearedReason reason, Trigger trigger) {
    }

    /** The standing alerts and evidence in the scope of a screening: its hits decide whether each still stands. */
    record Standing(List<State> alerts, List<Evidence> evidence) {
    }

    /** What one screening changes, gathered before anything is written. */
    private static final class Changes {
        final List<MatchFound> found = new ArrayList<>();
        final List<MatchAmended> amended = new ArrayList<>();
        final Map<UUID, UUID> superseded = new LinkedHashMap<>(); // old alert -> the alert on the newer version
        final Map<SubjectKey, UUID> hosts = new HashMap<>();      // the standing alert of each party and subject
    }

    void record(List<Screened> screened, Standing standing, BiFunction<MonitoredParty, MatchView, Trigger> trigger,
                Function<Pair, Why> why, Instant now) {
        Set<Pair> hit = new HashSet<>();
        screened.forEach(s -> s.result().matches().forEach(m -> hit.add(pair(s.party(), m))));
        List<State> cleared = standing.alerts().stream().filter(s -> !hit.contains(s.pair())).toList();
        Changes changes = new Changes();
        raise(screened, hit, cleared.stream().map(State::alertId).collect(Collectors.toSet()), trigger, changes, now);
        standing.evidence().stream().filter(e -> !hit.contains(e.pair()))
                .forEach(e -> changes.amended.add(amendment(e.alertId(), e, Amendment.LISTING_REMOVED,
                        why.apply(e.pair()), now)));
        int created = alerts.insert(changes.found);
        evidence.amend(changes.amended);
        passOn(changes, cleared, now);
        alerts.supersede(changes.superseded.keySet());
        alerts.clear(cleared.stream().map(s -> cleared(s, why.apply(s.pair()), now)).toList());
        if (created > 0 || !changes.amended.isEmpty() || !cleared.isEmpty()) {
            LOG.debugf("monitoring: %d alerts raised, %d amended, %d cleared, %d superseded", created,
                    changes.amended.size(), cleared.size(), changes.superseded.size());
        }
    }

    /** New alerts and evidence from the hits, best hit of each party first: it raises, the others are evidence. */
    private void raise(List<Screened> screened, Set<Pair> hit, Set<UUID> clearing,
                       BiFunction<MonitoredParty, MatchView, Trigger> trigger, Changes changes, Instant now) {
        Map<Pair, State> latest = alerts.latest(hit);
        Map<Pair, Evidence> standingEvidence = evidence.live(hit);
        Set<SubjectKey> keys = new HashSet<>();
        screened.forEach(s -> s.result().matches().forEach(m -> keys.add(key(s, m.entryId()))));
        alerts.liveBySubject(keys).forEach((key, alertId) -> {
            if (!clearing.contains(alertId)) { // an alert about to be cleared takes nothing on
                changes.hosts.put(key, alertId);
            }
        });
        for (Screened s : screened) {
            MonitoredParty party = s.party();
            for (MatchView m : s.result().matches()) {
                Pair pair = pair(party, m);
                Evidence standing = standingEvidence.get(pair);
                if (standing != null) {
                    if (m.entryVersion() > standing.entryVersion()) {
                        changes.amended.add(new MatchAmended(standing.alertId(), party.portfolio(), party.partyId(),
                                standing.subjectId(), Amendment.LISTING_UPDATED, codec.tree(PartyView.of(party)),
                                codec.tree(m), null, trigger.apply(party, m), s.result().watchlistVersion(),
                                s.result().threshold(), now));
                    }
                    continue;
                }
                State last = latest.get(pair);
                boolean alerts = last == null || m.entryVersion() > last.entryVersion()
                        || m.entryVersion() == last.entryVersion() && !last.live() && party.version() > last.partyVersion();
                if (!alerts) {
                    continue;
                }
                SubjectKey key = key(s, m.entryId());
                UUID host = changes.hosts.get(key);
                boolean ownLive = last != null && last.live();
                if (host != null && !ownLive) {
                    changes.amended.add(new MatchAmended(host, party.portfolio(), party.partyId(), key.subjectId(),
                            Amendment.LISTING_ADDED, codec.tree(PartyView.of(party)), codec.tree(m), null,
                            trigger.apply(party, m), s.result().watchlistVersion(), s.result().threshold(), now));
                    continue;
                }
                UUID alertId = UUID.randomUUID();
                if (ownLive) {
                    changes.superseded.put(last.alertId(), alertId);
                }
                changes.found.add(new MatchFound(alertId, party.portfolio(), PartyView.of(party), m,
                        trigger.apply(party, m), s.result().watchlistVersion(), MatchingEngine.ALGORITHM,
                        s.result().threshold(), now, key.subjectId()));
                changes.hosts.put(key, alertId);
            }
        }
    }

    /**
     * The live evidence of a superseded alert passes to the alert on the newer version; that of a cleared alert to
     * the alert that now holds its subject for the party, or else its best listing becomes an alert of its own.
     */
    private void passOn(Changes changes, List<State> cleared, Instant now) {
        Set<UUID> going = new HashSet<>(changes.superseded.keySet());
        cleared.forEach(s -> going.add(s.alertId()));
        Map<UUID, List<Evidence>> left = evidence.liveOf(going).stream()
                .collect(Collectors.groupingBy(Evidence::alertId, LinkedHashMap::new, Collectors.toList()));
        if (left.isEmpty()) {
            return;
        }
        List<MatchFound> successors = new ArrayList<>();
        List<MatchAmended> passed = new ArrayList<>();
        for (State s : cleared) {
            List<Evidence> rest = left.getOrDefault(s.alertId(), List.of());
            if (rest.isEmpty()) {
                continue;
            }
            UUID target = changes.hosts.get(new SubjectKey(s.pair().portfolio(), s.pair().partyId(), s.subjectId()));
            if (target == null) {
                Evidence best = rest.get(0); // best score first
                target = UUID.randomUUID();
                successors.add(new MatchFound(target, s.pair().portfolio(), codec.typed(best.party(), PartyView.class),
                        codec.typed(best.match(), MatchView.class), codec.typed(best.trigger(), Trigger.class),
                        best.watchlistVersion(), MatchingEngine.ALGORITHM, best.threshold(), now, s.subjectId()));
                rest = rest.subList(1, rest.size());
            }
            for (Evidence e : rest) {
                passed.add(amendment(target, e, Amendment.LISTING_ADDED, null, now));
            }
        }
        changes.superseded.forEach((old, newer) -> left.getOrDefault(old, List.of())
                .forEach(e -> passed.add(amendment(newer, e, Amendment.LISTING_ADDED, null, now))));
        alerts.insert(successors);
        evidence.amend(passed);
    }

    /** Evidence removed (why says why) or passed on to another alert (why is null: it keeps its own trigger). */
    private MatchAmended amendment(UUID alertId, Evidence e, Amendment change, Why why, Instant now) {
        return new MatchAmended(alertId, e.pair().portfolio(), e.pair().partyId(), e.subjectId(), change, e.party(),
                e.match(), why == null ? null : why.reason(),
                why == null ? codec.typed(e.trigger(), Trigger.class) : why.trigger(), e.watchlistVersion(),
                e.threshold(), now);
    }

    private static Pair pair(MonitoredParty party, MatchView m) {
        return new Pair(party.portfolio(), party.partyId(), m.entryId());
    }

    private static SubjectKey key(Screened s, String entryId) {
        return new SubjectKey(s.party().portfolio(), s.party().partyId(), s.subjectOfEntry().get(entryId));
    }

    private static MatchCleared cleared(State s, Why why, Instant now) {
        return new MatchCleared(s.alertId(), s.pair().portfolio(), s.pair().partyId(), s.partyVersion(),
                s.pair().entryId(), s.entryVersion(), why.reason(), why.trigger(), s.foundAt(), now);
    }
}

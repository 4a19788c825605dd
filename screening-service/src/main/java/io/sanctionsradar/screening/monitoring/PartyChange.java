package io.sanctionsradar.screening.monitoring;

import io.sanctionsradar.screening.monitoring.PartyEvents.PartyDeleted;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** One record of a shard's partition of {@code screening.parties}: a party saved, or a party deleted. */
public record PartyChange(long offset, MonitoredParty saved, PartyDeleted deleted) {

    public static PartyChange saved(long offset, MonitoredParty party) {
        return new PartyChange(offset, party, null);
    }

    public static PartyChange deleted(long offset, PartyDeleted deletion) {
        return new PartyChange(offset, null, deletion);
    }

    String key() {
        return saved != null ? PartyMatcher.key(saved.portfolio(), saved.partyId())
                : PartyMatcher.key(deleted.portfolio(), deleted.partyId());
    }

    /**
     * Whether this change is news to the party held under its key (null: none). A party id can live several lives
     * (deleted, then created again at version 1), told apart by {@code createdAt}: a save is news if it is of a later
     * life, or of the same life at a higher version; a deletion only if it ends the life held. So an event that the
     * instance already took when it stored the party itself, or one overtaken by a later life, changes nothing.
     */
    boolean isNewerThan(MonitoredParty held) {
        if (saved != null) {
            return held == null || saved.createdAt().isAfter(held.createdAt())
                    || saved.createdAt().equals(held.createdAt()) && saved.version() > held.version();
        }
        return held != null && (deleted.createdAt() == null || deleted.createdAt().equals(held.createdAt()));
    }

    /** What changes did to a set of held parties: the parties to screen, and the keys of the parties removed. */
    record Effect(Map<String, MonitoredParty> toScreen, Map<String, PartyDeleted> removed) {
    }

    /** Applies changes, in partition order, to held parties, adding what they did to {@code effect}. */
    static void apply(List<PartyChange> changes, Function<String, MonitoredParty> held, Consumer<MonitoredParty> put,
                      Consumer<String> remove, Effect effect) {
        for (PartyChange change : changes) {
            String key = change.key();
            if (!change.isNewerThan(held.apply(key))) {
                continue;
            }
            if (change.saved() != null) {
                put.accept(change.saved());
                effect.toScreen().put(key, change.saved());
            } else {
                remove.accept(key);
                effect.toScreen().remove(key);
                effect.removed().put(key, change.deleted());
            }
        }
    }
}

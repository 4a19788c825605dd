package io.sanctionsradar.designation.sources;

import io.sanctionsradar.support.errors.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The freshness of every list: configured sources, and lists only ever uploaded. */
@ApplicationScoped
public class ListSources {

    @Inject
    ListSourcesConfig config;

    @Inject
    ListSourceStore store;

    public List<ListSourceView> all() {
        Map<String, ListSourceStore.State> states = store.states(null);
        Map<String, Long> active = store.activeEntries();
        TreeSet<String> lists = new TreeSet<>(config.sources().keySet());
        lists.addAll(states.keySet());
        Instant now = Instant.now();
        return lists.stream().map(list -> view(list, states, active, now)).toList();
    }

    public ListSourceView one(String list) {
        Map<String, ListSourceStore.State> states = store.states(list);
        if (!config.sources().containsKey(list) && !states.containsKey(list)) {
            throw new NotFound("No list " + list + ": neither a configured source nor ever imported");
        }
        return view(list, states, store.activeEntries(), Instant.now());
    }

    private ListSourceView view(String list, Map<String, ListSourceStore.State> states, Map<String, Long> active,
                                Instant now) {
        ListSourceStore.State state = states.getOrDefault(list, ListSourceStore.State.none(list));
        String lastFormat = config.sources().containsKey(list) ? null : store.lastFormat(list);
        return ListSourceView.of(list, config.sources().get(list), state, lastFormat, active.getOrDefault(list, 0L), now);
    }
}

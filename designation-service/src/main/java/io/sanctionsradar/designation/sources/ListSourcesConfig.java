package io.sanctionsradar.designation.sources;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each list is published and how often it is synced ({@code list-sources.*}; the official sources ship
 * disabled, so a machine without internet starts clean). The key of a source is the list it fills, as its
 * parser names it (US-CSL, US-OFAC-SDN, …): an upload of that list counts as a sync of it.
 */
@ConfigMapping(prefix = "list-sources")
public interface ListSourcesConfig {

    Map<String, Source> sources();

    /** How often the schedule looks for due sources (read by {@link ListSchedule}'s annotation; off in tests). */
    String tick();

    /** The schedule's first look after start: the service is up and its broker reachable first. */
    String firstTick();

    /** Hosts an https URL or a redirect may lead to (loopback http and file: URLs are an operator's own). */
    Set<String> allowedHosts();

    /** A download larger than this is refused (the largest official file, the EU's XML, is ~25 MB). */
    @WithDefault("314572800")
    long maxBytes();

    /** Per request, connect to last byte. */
    @WithDefault("PT2M")
    Duration timeout();

    /** Tries per file, a network error or a 5xx/429 answer being worth another. */
    @WithDefault("3")
    int attempts();

    /** Before the second try; doubled before each further one. */
    @WithDefault("PT5S")
    Duration backoff();

    interface Source {
        /** A format of POST /api/v1/imports. */
        String format();

        /** The file(s) of one publication; a multi-file format names its parts by the URLs' last path segment. */
        List<String> urls();

        @WithDefault("false")
        boolean enabled();

        /** How often a scheduled sync runs. */
        @WithDefault("PT12H")
        Duration every();

        /** A list whose last good sync or upload is older than this is stale. */
        @WithDefault("P2D")
        Duration maxAge();
    }
}

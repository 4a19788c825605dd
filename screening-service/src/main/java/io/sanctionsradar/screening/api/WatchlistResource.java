package io.sanctionsradar.screening.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.matching.MatchingEngine;
import io.sanctionsradar.screening.messaging.TopicOffsets;
import io.sanctionsradar.screening.messaging.WatchlistLag;
import io.sanctionsradar.screening.watchlist.InstanceId;
import io.sanctionsradar.screening.watchlist.Watchlist;
import io.sanctionsradar.screening.watchlist.WatchlistStatus;
import io.sanctionsradar.screening.watchlist.WatchlistStatus.LastEvent;
import io.sanctionsradar.screening.watchlist.WatchlistStatus.PartitionStatus;
import io.sanctionsradar.screening.watchlist.WatchlistStore;
import io.sanctionsradar.screening.watchlist.WatchlistStore.Position;
import io.sanctionsradar.support.errors.NotFound;
import io.sanctionsradar.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

@Path("/api/v1/watchlist")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Watchlist", description = "The designations this instance screens against, materialized from sanctions.designations")
public class WatchlistResource {

    @Inject
    Watchlist watchlist;

    @Inject
    WatchlistStore store;

    @Inject
    TopicOffsets offsets;

    @Inject
    ObjectMapper json;

    @Inject
    InstanceId instance;

    @ConfigProperty(name = "mp.messaging.incoming.designations.topic")
    String topic;

    @RolesAllowed({Roles.SCREENER, Roles.ANALYST, Roles.AUDITOR})
    @GET
    @Path("/status")
    @Operation(operationId = "getWatchlistStatus", summary = "Entry counts, the watchlist version, the last event applied and the consumer lag",
            description = "Of the instance that answers (instanceId): each holds its own copy of the watchlist. "
                    + "lists: per source list, the entries held and the newest listing date among them.")
    public WatchlistStatus status() throws SQLException, InterruptedException {
        Watchlist.Summary summary = watchlist.summary();
        List<Position> positions = store.positions(topic);
        LastEvent last = positions.stream().max(Comparator.comparing(Position::appliedAt))
                .map(p -> new LastEvent(p.lastEventId(), p.lastEventType(), p.partition(), p.nextOffset() - 1,
                        p.lastEventTime(), p.appliedAt()))
                .orElse(null);
        Map<Integer, Long> ends = null;
        String lagError = null;
        try {
            ends = offsets.endOffsets(topic);
        } catch (ExecutionException | TimeoutException e) {
            lagError = "Kafka did not answer: " + (e.getCause() != null ? e.getCause() : e);
        }
        List<PartitionStatus> partitions = WatchlistLag.partitions(positions, ends);
        Long totalLag = ends == null ? null : partitions.stream().mapToLong(PartitionStatus::lag).sum();
        return new WatchlistStatus(instance.value(), summary.version(), MatchingEngine.ALGORITHM, watchlist.loaded(),
                summary.total(), summary.active(), summary.delisted(), last, totalLag, lagError, partitions,
                watchlist.lists());
    }

    @RolesAllowed({Roles.SCREENER, Roles.ANALYST, Roles.AUDITOR})
    @GET
    @Path("/entries/{entryId}")
    @Operation(operationId = "getWatchlistEntry", summary = "One materialized entry: the designation as its latest event carried it")
    public JsonNode entry(@PathParam("entryId") String entryId) throws SQLException {
        UUID id;
        try {
            id = UUID.fromString(entryId);
        } catch (IllegalArgumentException e) {
            throw new NotFound("No watchlist entry " + entryId);
        }
        return store.state(id).map(this::tree)
                .orElseThrow(() -> new NotFound("No watchlist entry " + entryId));
    }

    private JsonNode tree(String state) {
        try {
            return json.readTree(state);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored entry is not readable", e);
        }
    }
}

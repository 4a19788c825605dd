package io.sanctionsradar.screening.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanctionsradar.screening.watchlist.Listing;
import io.sanctionsradar.screening.watchlist.SubjectGrouping;
import io.sanctionsradar.screening.watchlist.Watchlist;
import io.sanctionsradar.support.errors.NotFound;
import io.sanctionsradar.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

@Path("/api/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subjects", description = "Listings of one person or entity by several authorities, grouped as one subject")
public class SubjectResource {

    @Inject
    Watchlist watchlist;

    /** A subject: its listings, the first listed first, and why each other listing was joined to it. */
    public record SubjectDetails(String subjectId, String name, String subjectType, List<ListingView> listings,
                                 List<Join> joins) {
    }

    /** Why a listing is part of the subject: what bonds it to another of its listings. */
    public record Join(String entryId, String joinedTo, SubjectGrouping.Reason reason) {
    }

    public record ListingView(String entryId, int entryVersion, String source, String sourceId, String name,
                              String authority, List<String> programs, List<JsonNode> measures, String status,
                              LocalDate listedOn, LocalDate delistedOn) {
    }

    @RolesAllowed({Roles.SCREENER, Roles.ANALYST, Roles.AUDITOR})
    @GET
    @Path("/{subjectId}")
    @Operation(operationId = "getSubject", summary = "One subject: every listing of it and why they were joined",
            description = "Listings are joined by the same normalized name with a shared birth date and nationality "
                    + "(a person) or country (an organization), or by an analyst's link. The id is that of the "
                    + "first-listed member; it survives new listings of the subject.")
    public SubjectDetails subject(@PathParam("subjectId") String subjectId) {
        return watchlist.read(view -> view.subject(subjectId).map(s -> details(view, s)))
                .orElseThrow(() -> new NotFound("No subject " + subjectId));
    }

    private static SubjectDetails details(Watchlist.View view, SubjectGrouping.Subject subject) {
        List<ListingView> listings = subject.designationIds().stream().map(view::listing).map(l -> new ListingView(
                l.designationId(), l.version(), l.sourceList(), l.sourceId(), l.subject().name(), l.authority(),
                l.programs(), l.measures(), l.status(), l.listedOn(), l.delistedOn())).toList();
        Listing first = view.listing(subject.designationIds().get(0));
        return new SubjectDetails(subject.subjectId(), first.subject().name(), first.subject().type(), listings,
                subject.bonds().stream().map(b -> new Join(b.designationId(), b.joinedTo(), b.reason())).toList());
    }
}

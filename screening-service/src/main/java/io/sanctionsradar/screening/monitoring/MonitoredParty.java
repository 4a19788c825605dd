package io.sanctionsradar.screening.monitoring;

import io.sanctionsradar.matching.SubjectType;

import java.time.Instant;

/** A customer of one portfolio, screened when it is stored; its version increases with every change. */
public record MonitoredParty(String portfolio, String partyId, String name, SubjectType type, String birthDate,
                             String country, int version, Instant createdAt, Instant updatedAt) {
}

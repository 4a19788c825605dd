package io.sanctionsradar.designation.domain;

/** What kind of party a designation names. */
public enum SubjectType {
    PERSON, ORGANIZATION, VESSEL, AIRCRAFT
}

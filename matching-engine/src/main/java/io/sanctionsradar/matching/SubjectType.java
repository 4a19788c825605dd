package io.sanctionsradar.matching;

/** Kind of designated subject; a query that names a type only matches entries of that type. */
public enum SubjectType { PERSON, ORGANIZATION, VESSEL, AIRCRAFT }

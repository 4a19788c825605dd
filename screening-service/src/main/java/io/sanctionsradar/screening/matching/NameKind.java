package io.sanctionsradar.screening.matching;

/** Role of a name on a designation: primary name, also-known-as, formerly/now known as, or a weak (low-quality) alias. */
public enum NameKind { PRIMARY, AKA, FKA, NKA, WEAK }

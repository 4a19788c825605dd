package io.sanctionsradar.matching;

/** Role of a name on a designation: primary name, also-known-as, formerly/now known as, or a weak (low-quality) alias. */
public enum NameKind { PRIMARY, AKA, FKA, NKA, WEAK }

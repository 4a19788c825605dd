package io.sanctionsradar.designation.domain;

/** How an alias relates to the subject: also, formerly or now known as; WEAK is a low-quality alias that lists themselves flag. */
public enum AliasKind {
    AKA, FKA, NKA, WEAK
}

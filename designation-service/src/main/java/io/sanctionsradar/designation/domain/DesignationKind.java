package io.sanctionsradar.designation.domain;

/** A sanction, or a state's retaliation against others' sanctions. */
public enum DesignationKind {
    DESIGNATION, COUNTERMEASURE
}

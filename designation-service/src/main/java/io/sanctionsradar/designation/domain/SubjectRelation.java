package io.sanctionsradar.designation.domain;

/** An analyst's decision on two designations: one real-world subject, or two that must not be grouped. */
public enum SubjectRelation {
    SAME_SUBJECT, DIFFERENT_SUBJECTS
}

package io.sanctionsradar.designation.domain;

/** Whether a designation is in force. */
public enum DesignationStatus {
    ACTIVE, DELISTED
}

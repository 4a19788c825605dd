package io.sanctionsradar.designation.domain;

/** What a designation obliges others to do (or not do) with the subject. */
public enum MeasureType {
    ASSET_FREEZE, EXPORT_LICENSE_REQUIRED, EXPORT_PRIVILEGES_DENIED, ENTRY_BAN, FINANCIAL_DEALINGS_BAN, INVESTMENT_BAN, ARMS_EMBARGO, SECTORAL_RESTRICTIONS
}

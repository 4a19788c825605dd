/**
 * Identifiers as the engine compares them: {@code IdentifierKinds} maps the kinds the lists and clients write
 * ("Passport", "National ID No.", "Vessel Registration Identification", "Digital Currency Address - XBT") to the
 * canonical {@link io.sanctionsradar.matching.IdentifierType}s; {@code IdentifierSchemes} turns a value into its
 * canonical form per scheme and refuses what the scheme does not allow (check digits, structure, checksums), with
 * {@code Bech32} for the one address encoding that carries a checksum over a case-insensitive alphabet.
 */
package io.sanctionsradar.matching.identify;

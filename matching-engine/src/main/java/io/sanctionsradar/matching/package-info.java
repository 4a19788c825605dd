/**
 * Name matching against sanctions lists: the engine's public surface, and nothing else. {@link
 * io.sanctionsradar.matching.MatchingEngine} is the facade; {@link io.sanctionsradar.matching.Query}, {@link
 * io.sanctionsradar.matching.Match}, {@link io.sanctionsradar.matching.Explanation}, {@link
 * io.sanctionsradar.matching.WatchlistEntry}, {@link io.sanctionsradar.matching.EntryName}, {@link
 * io.sanctionsradar.matching.NameKind}, {@link io.sanctionsradar.matching.SubjectType} and {@link
 * io.sanctionsradar.matching.Identifier} (canonical by construction: {@code identify} maps the lists' kinds and
 * normalizes values per scheme) are what goes in and out.
 *
 * <p>The stages, in pipeline order, each a package: {@code normalize} turns a name into tokens (scripts, legal
 * forms, titles, variants, phonetic and fold keys); {@code index} keeps the listed names' tokens as a vocabulary with
 * posting lists, blocking keys and rarity statistics; {@code retrieve} plans a query (its units and their similar
 * vocabulary strings), reads the postings rarest first and bounds the names touched, so that only names that can
 * reach the threshold are scored; {@code score} aligns a query with a name and ranks the entries, best bound first,
 * until no bound can enter the top; {@code explain} turns the few ranked entries into explained matches. {@code
 * tuning} holds every tuning constant with its why and measurement. Screening (a screened name against the list) and
 * monitoring (a listed name against the screened names) differ only by their {@code retrieve.ScreeningDirection}.
 */
package io.sanctionsradar.matching;

package io.sanctionsradar.screening.monitoring;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The portfolios a listing reads: {@code portfolios} (null: every portfolio there is), and the names the request
 * gave, which must be well-formed. Asking for "*" reads what the token covers without naming anything.
 */
public record PortfolioScope(List<String> named, Set<String> portfolios) {

    public PortfolioScope {
        named = List.copyOf(named);
        portfolios = portfolios == null ? null : new TreeSet<>(portfolios);
    }

    /** Only these portfolios, each named by the request. */
    public static PortfolioScope of(String... portfolios) {
        return new PortfolioScope(List.of(portfolios), Set.of(portfolios));
    }

    public boolean everyPortfolio() {
        return portfolios == null;
    }
}

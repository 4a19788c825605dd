package io.sanctionsradar.screening.api;

import io.sanctionsradar.screening.monitoring.MonitoringService;
import io.sanctionsradar.screening.monitoring.PortfolioScope;
import io.sanctionsradar.support.security.Portfolios;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code portfolio} parameter of a listing: absent, the default portfolio; given several times, each of them;
 * {@code *}, every portfolio the token covers. A named portfolio the token does not cover is refused (403).
 */
final class PortfolioParameter {

    private PortfolioParameter() {
    }

    static PortfolioScope scope(List<String> values, Portfolios token) {
        List<String> asked = values == null || values.isEmpty() ? List.of(MonitoringService.DEFAULT_PORTFOLIO) : values;
        List<String> named = new ArrayList<>();
        boolean covered = false;
        for (String portfolio : asked) {
            if (Portfolios.ALL.equals(portfolio)) {
                covered = true;
            } else {
                token.check(portfolio);
                named.add(portfolio);
            }
        }
        if (!covered) {
            return new PortfolioScope(named, Set.copyOf(named));
        }
        return new PortfolioScope(named, token.namedOrAll());
    }

    /** Every portfolio the token covers, none of them named by the request. */
    static PortfolioScope covered(Portfolios token) {
        return new PortfolioScope(List.of(), token.namedOrAll());
    }
}

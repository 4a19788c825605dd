package io.sanctionsradar.support.security;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The portfolios the caller's token covers (its {@code portfolios} claim; {@code "*"} covers all). Monitored
 * parties, alerts and their audit records of any other portfolio are out of the caller's sight: a named portfolio
 * answers 403, an alert asked for by id answers 404, as if it did not exist.
 */
@RequestScoped
public class Portfolios {

    public static final String CLAIM = "portfolios";
    public static final String ALL = "*";

    private final Set<String> granted;

    Portfolios(JsonWebToken token) {
        this.granted = granted(token.getClaim(CLAIM));
    }

    /** The portfolios named, or {@code null} when the token covers all of them. */
    public Set<String> namedOrAll() {
        return granted.contains(ALL) ? null : granted;
    }

    public boolean covers(String portfolio) {
        return granted.contains(ALL) || granted.contains(portfolio);
    }

    /** Refuses (403) a portfolio the token does not cover. */
    public void check(String portfolio) {
        if (!covers(portfolio)) {
            throw new ForbiddenException("The token does not cover portfolio " + portfolio + "; it covers "
                    + (granted.isEmpty() ? "none" : String.join(", ", granted)));
        }
    }

    private static Set<String> granted(Object claim) {
        Set<String> names = new TreeSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(value -> {
                if (value instanceof JsonString name) {
                    names.add(name.getString());
                }
            });
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> names.add(String.valueOf(value)));
        } else if (claim instanceof JsonString name) {
            names.add(name.getString());
        } else if (claim instanceof String name) {
            names.add(name);
        }
        return names;
    }
}

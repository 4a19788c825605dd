package io.sanctionsradar.console.pages.lists;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * How old a list is, as a person reads it: "3 d 4 h", "2 h 5 min", "40 s"; blank when the list never arrived (the
 * service gives no age). Templates: {@code inject:age.of(x)}.
 */
@Named("age")
@ApplicationScoped
public class Age {

    public String of(Object seconds) {
        if (!(seconds instanceof Number number)) {
            return "";
        }
        long s = number.longValue();
        if (s < 60) {
            return Math.max(0, s) + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }
}

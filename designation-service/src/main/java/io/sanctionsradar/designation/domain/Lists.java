package io.sanctionsradar.designation.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

final class Lists {

    private Lists() {
    }

    /** Unmodifiable copy; keeps null elements so that validation, not a constructor, reports them. */
    static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}

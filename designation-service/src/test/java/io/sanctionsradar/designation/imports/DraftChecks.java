package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.DesignationDraft;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.List;

/** The Bean Validation checks an import makes on every draft, for parser tests that run without the service. */
final class DraftChecks {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private DraftChecks() {
    }

    /** "sourceId field message" for each violation of each entry's draft; empty when all pass. */
    static List<String> violations(ParsedList parsed) {
        return violations(parsed.entries().stream().map(ListEntry::draft).toList());
    }

    static List<String> violations(List<DesignationDraft> drafts) {
        return drafts.stream()
                .flatMap(d -> VALIDATOR.validate(d).stream().map((ConstraintViolation<DesignationDraft> v) ->
                        d.sourceId() + " " + v.getPropertyPath() + " " + v.getMessage()))
                .toList();
    }
}

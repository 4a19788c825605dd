package io.sanctionsradar.designation.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** A date that lists often know only in part: YYYY, YYYY-MM or YYYY-MM-DD, and a real one. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PartialDate.Validator.class)
public @interface PartialDate {

    String message() default "must be a real date written YYYY, YYYY-MM or YYYY-MM-DD";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PartialDate, String> {

        private static final Pattern SHAPE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!SHAPE.matcher(value).matches()) {
                return false;
            }
            try {
                int year = Integer.parseInt(value.substring(0, 4));
                if (year < 1800 || year > LocalDate.now().getYear()) {
                    return false;
                }
                if (value.length() == 7) {
                    YearMonth.parse(value);
                } else if (value.length() == 10) {
                    LocalDate.parse(value);
                }
                return true;
            } catch (DateTimeException | NumberFormatException e) {
                return false;
            }
        }
    }
}

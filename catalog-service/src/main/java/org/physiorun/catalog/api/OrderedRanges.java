package org.physiorun.catalog.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Every min of a dose is at most its max; a violation names the min field. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OrderedRanges.Validator.class)
public @interface OrderedRanges {

    String message() default "must not be greater than its maximum";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OrderedRanges, DosageDto> {

        @Override
        public boolean isValid(DosageDto dose, ConstraintValidatorContext context) {
            if (dose == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = ordered(dose.repsMin(), dose.repsMax(), "repsMin", context)
                    & ordered(dose.holdSecondsMin(), dose.holdSecondsMax(), "holdSecondsMin", context)
                    & ordered(dose.distanceMetresMin(), dose.distanceMetresMax(), "distanceMetresMin", context);
            if (dose.frequency() != null) {
                valid &= ordered(dose.frequency().timesMin(), dose.frequency().timesMax(), "frequency.timesMin", context);
            }
            return valid;
        }

        private static boolean ordered(Integer min, Integer max, String field, ConstraintValidatorContext context) {
            if (min == null || max == null || min <= max) {
                return true;
            }
            context.buildConstraintViolationWithTemplate("must not be greater than its maximum (" + max + ")")
                    .addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}

package org.videogov.common.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class DistrictCodeTest {

    record Input(@DistrictCode String districtCode) {
    }

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void sixDigitsOrNothingAreValid() {
        assertTrue(VALIDATOR.validate(new Input("370202")).isEmpty());
        assertTrue(VALIDATOR.validate(new Input(null)).isEmpty());
    }

    @Test
    void anythingElseIsOneViolationWithTheOneMessage() {
        for (String bad : List.of("37020", "3702021", "37020a", " 370202", "")) {
            Set<ConstraintViolation<Input>> violations = VALIDATOR.validate(new Input(bad));
            assertEquals(1, violations.size(), bad);
            ConstraintViolation<Input> v = violations.iterator().next();
            assertEquals("must be a six-digit GB/T 2260 code", v.getMessage());
            assertEquals("districtCode", v.getPropertyPath().toString());
        }
    }
}

package org.videogov.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;

class EnumParamsTest {

    enum Colour { RED, GREEN }

    static void resource(@QueryParam("colour") Colour colour) {
    }

    private static ParamConverter<Colour> converter() throws Exception {
        Annotation[] annotations = EnumParamsTest.class.getDeclaredMethod("resource", Colour.class)
                .getParameterAnnotations()[0];
        return new EnumParams().getConverter(Colour.class, Colour.class, annotations);
    }

    private static ProblemException refusal(String value) throws Exception {
        ParamConverter<Colour> converter = converter();
        BadRequestException e = assertThrows(BadRequestException.class, () -> converter.fromString(value));
        assertEquals(400, e.getResponse().getStatus());
        return assertInstanceOf(ProblemException.class, e.getCause());
    }

    @Test
    void exactConstantNamesConvert() throws Exception {
        assertEquals(Colour.GREEN, converter().fromString("GREEN"));
        assertEquals("RED", converter().toString(Colour.RED));
        assertNull(converter().fromString(null));
    }

    @Test
    void anythingElseIsA400NamingTheParameterAndTheConstants() throws Exception {
        ProblemException p = refusal("green");
        assertEquals(ProblemType.VALIDATION, p.type());
        assertEquals("colour: 'green' is not one of [RED, GREEN]", p.getMessage());
        assertEquals(List.of(Map.of("field", "colour", "message", "'green' is not one of [RED, GREEN]")),
                p.extensions().get("errors"));
    }

    @Test
    void aValueLongerThanFiftyCharactersIsNotEchoed() throws Exception {
        assertEquals("colour: size must be between 0 and 50", refusal("X".repeat(51)).getMessage());
        assertEquals("colour: 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' is not one of [RED, GREEN]",
                refusal("X".repeat(50)).getMessage());
    }

    @Test
    void otherTypesAreLeftToQuarkus() {
        assertNull(new EnumParams().getConverter(String.class, String.class, new Annotation[0]));
        assertNull(new EnumParams().getConverter(Integer.class, Integer.class, new Annotation[0]));
    }
}

package org.videogov.common.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared strict JSON mapping, field by field, without a running service. */
class StrictJsonTest {

    enum Kind { DOME, BULLET, PTZ, HOTEL }

    record Input(String name, @FreeText String description, Kind kind, Integer level, Boolean flag, int count,
                 LocalDate day, OffsetDateTime at, List<String> tags, JsonNode geometry) {
    }

    static final ObjectMapper MAPPER = StrictJson.configure(new ObjectMapper().registerModule(new JavaTimeModule()));

    static Input read(String json) throws Exception {
        return MAPPER.readValue(json, Input.class);
    }

    static JsonMappingException refused(String json) {
        return assertThrows(JsonMappingException.class, () -> read(json));
    }

    static String field(JsonMappingException e) {
        return e.getPath().isEmpty() ? "" : e.getPath().get(0).getFieldName();
    }

    @Test
    void wellFormedInputIsReadAsSent() throws Exception {
        Input in = read("{\"name\":\"Gate\",\"description\":\"line 1\\r\\n\\tline 2\",\"kind\":\"PTZ\",\"level\":3,"
                + "\"flag\":true,\"count\":2,\"day\":\"2199-12-31\",\"at\":\"1900-01-01T00:00:00Z\",\"tags\":[\"a\"],"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}");
        assertEquals("line 1\r\n\tline 2", in.description());
        assertEquals(Kind.PTZ, in.kind());
        assertEquals(LocalDate.of(2199, 12, 31), in.day());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"a\\u0000b\",\"count\":1}", "{\"name\":\"a\\tb\",\"count\":1}",
            "{\"description\":\"a\\u0000b\",\"count\":1}", "{\"description\":\"a\\u001bb\",\"count\":1}",
            "{\"tags\":[\"x\\u0000\"],\"count\":1}", "{\"geometry\":{\"type\":\"Point\\u0000\"},\"count\":1}",
            "{\"geometry\":{\"a\\u0000\":1},\"count\":1}"})
    void controlCharactersAreRefused(String json) {
        JsonMappingException e = refused(json);
        assertTrue(e instanceof RefusedValueException, e.toString());
        assertTrue(((RefusedValueException) e).reason().contains("control character"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"kind\":2,\"count\":1}", "{\"kind\":\"\",\"count\":1}", "{\"level\":3.7,\"count\":1}",
            "{\"level\":\"3\",\"count\":1}", "{\"level\":true,\"count\":1}", "{\"name\":37020200001320000001,\"count\":1}",
            "{\"name\":true,\"count\":1}", "{\"name\":1.5,\"count\":1}", "{\"flag\":1,\"count\":1}",
            "{\"flag\":\"true\",\"count\":1}", "{\"count\":null}", "{\"count\":1.0}", "{\"tags\":\"a\",\"count\":1}",
            "{\"level\":\"\",\"count\":1}"})
    void noCoercionBetweenJsonTypes(String json) {
        JsonMappingException e = refused(json);
        assertTrue(e instanceof MismatchedInputException, e.toString());
        assertEquals(json.substring(2, json.indexOf('"', 2)), field(e), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"day\":\"-999999-01-01\",\"count\":1}", "{\"day\":\"+999999999-12-31\",\"count\":1}",
            "{\"day\":\"1899-12-31\",\"count\":1}", "{\"day\":\"2200-01-01\",\"count\":1}",
            "{\"at\":\"2199-12-31T23:00:00-02:00\",\"count\":1}", "{\"at\":\"+999999999-12-31T00:00:00Z\",\"count\":1}"})
    void datesOutsideTheRangeAreRefused(String json) {
        JsonMappingException e = refused(json);
        assertEquals(json.substring(2, json.indexOf('"', 2)), field(e), e.getMessage());
    }

    @Test
    void unknownAndDuplicateMembersAndTrailingContentAreRefused() {
        assertThrows(Exception.class, () -> read("{\"nmae\":\"x\",\"count\":1}"));
        assertThrows(Exception.class, () -> read("{\"name\":\"x\",\"name\":\"y\",\"count\":1}"));
        assertThrows(Exception.class, () -> read("{\"count\":1} {}"));
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(40) + "]".repeat(40);
        assertThrows(Exception.class, () -> read("{\"geometry\":" + deep + ",\"count\":1}"));
    }
}

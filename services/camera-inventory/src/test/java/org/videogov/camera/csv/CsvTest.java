package org.videogov.camera.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 parsing and writing. */
class CsvTest {

    @Test
    void quotedFieldsCommasQuotesLineBreaksBomAndLineNumbers() {
        String text = "\uFEFFa,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n2,\"two\nlines\",\n3,,";
        List<Csv.Record> records = Csv.parse(text);
        assertEquals(4, records.size());
        assertEquals(List.of("a", "b", "c"), records.get(0).fields());
        assertEquals(List.of("1", "x, y", "say \"hi\""), records.get(1).fields());
        assertEquals(4, records.get(2).line());
        assertEquals(List.of("2", "two\nlines", ""), records.get(2).fields());
        assertEquals(6, records.get(3).line(), "the line a record starts on, counting line breaks inside quotes");
        assertEquals(List.of("3", "", ""), records.get(3).fields());
        assertThrows(Csv.MalformedCsvException.class, () -> Csv.parse("a,\"open\n"));
    }

    @Test
    void writingRoundTrips() {
        List<String> fields = List.of("青岛市南区", "a,b", "q\"q", " padded", "[[[0.1,0.1]]]", "");
        StringBuilder out = new StringBuilder();
        Csv.write(out, fields);
        assertEquals(fields, Csv.parse(out.toString()).get(0).fields());
    }

    @Test
    void apiFieldsMapToColumns() {
        assertEquals("gb_id", CameraCsv.column("gbId"));
        assertEquals("privacy_masks[0][1]", CameraCsv.column("privacyMasks[0][1]"));
        assertEquals("security_level", CameraCsv.column("securityLevel"));
    }
}

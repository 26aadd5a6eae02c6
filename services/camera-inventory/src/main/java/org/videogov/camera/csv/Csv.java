package org.videogov.camera.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * RFC 4180 CSV through Jackson's CSV data format: comma-separated, fields with commas, quotes or
 * line breaks in double quotes, CRLF line ends when written. Files are read as a stream, one
 * record at a time ({@link #open}), never as one string.
 */
public final class Csv {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer(CsvSchema.emptySchema().withLineSeparator("\r\n"));

    private Csv() {
    }

    /** A record and the line of the file it starts on (1-based; the header is line 1). */
    public record Record(int line, List<String> fields) {
    }

    /** A file that is not CSV at all (an unterminated quote). */
    public static class MalformedCsvException extends IllegalArgumentException {
        public MalformedCsvException(String message) {
            super(message);
        }
    }

    /**
     * The records of a UTF-8 stream (a leading byte order mark is ignored; blank lines are skipped),
     * read as they are asked for. Closing the reader closes the stream.
     */
    public static Reader open(InputStream in) {
        try {
            return new Reader(MAPPER.getFactory().createParser(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record of a text (for tests and small inputs; uploads are streamed with {@link #open}). */
    public static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        try (Reader reader = open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            while (reader.hasNext()) {
                records.add(reader.next());
            }
        }
        return records;
    }

    /** Appends one record and a CRLF line end. */
    public static void write(StringBuilder out, List<String> fields) {
        try {
            out.append(WRITER.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes records to a character stream, each with a CRLF line end. */
    public static Output writer(Writer out) {
        try {
            return new Output(WRITER.writeValues(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads records one at a time: {@link #hasNext()}, {@link #next()}. */
    public static final class Reader implements Closeable {

        private final CsvParser parser;
        private Record next;
        private boolean done;
        private boolean started;

        private Reader(com.fasterxml.jackson.core.JsonParser parser) {
            this.parser = (CsvParser) parser;
        }

        /**
         * Whether another record follows.
         *
         * @throws MalformedCsvException when the rest of the file is not CSV
         */
        public boolean hasNext() {
            if (next == null && !done) {
                next = read();
                done = next == null;
            }
            return next != null;
        }

        public Record next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Record record = next;
            next = null;
            return record;
        }

        private Record read() {
            int line = -1;
            try {
                JsonToken token = parser.nextToken();
                if (!started) {
                    // The whole file reads as one array of records (WRAP_AS_ARRAY): step into it.
                    started = true;
                    token = token == JsonToken.START_ARRAY ? parser.nextToken() : token;
                }
                if (token != JsonToken.START_ARRAY) {
                    return null;
                }
                line = (int) parser.currentLocation().getLineNr();
                List<String> fields = new ArrayList<>();
                while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                    if (fields.isEmpty()) {
                        // Where the record's first field starts: line breaks inside quotes are counted.
                        line = (int) parser.currentTokenLocation().getLineNr();
                    }
                    fields.add(parser.getText());
                }
                return new Record(line, fields);
            } catch (JsonProcessingException e) {
                int at = line > 0 ? line : (int) parser.currentLocation().getLineNr();
                if (e.getOriginalMessage().startsWith("Missing closing quote")) {
                    throw new MalformedCsvException("a quoted field starting on line " + at + " is never closed");
                }
                throw new MalformedCsvException("line " + at + " is not CSV: " + e.getOriginalMessage());
            } catch (CharConversionException e) {
                throw new MalformedCsvException("the file is not UTF-8 (near line "
                        + parser.currentLocation().getLineNr() + ")");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            closeUnchecked(parser);
        }
    }

    /** Writes records one at a time. */
    public static final class Output implements Closeable {

        private final SequenceWriter writer;

        private Output(SequenceWriter writer) {
            this.writer = writer;
        }

        public Output write(List<String> fields) {
            try {
                writer.write(fields);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            closeUnchecked(writer);
        }
    }

    private static void closeUnchecked(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

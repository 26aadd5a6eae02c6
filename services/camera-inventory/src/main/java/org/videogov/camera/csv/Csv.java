package org.videogov.camera.csv;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: comma-separated, fields with commas, quotes or line breaks in double quotes. */
public final class Csv {

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

    /** Parses text (a leading UTF-8 byte order mark is ignored); blank lines are skipped. */
    public static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int n = text.length();
        int line = 1;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int recordLine = line;
        boolean quoted = false;
        boolean fieldStarted = false;
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() == 0) {
                        quoted = true;
                    } else {
                        field.append(c);
                    }
                    fieldStarted = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStarted = true;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (fieldStarted || field.length() > 0) {
                        fields.add(field.toString());
                        records.add(new Record(recordLine, fields));
                    }
                    fields = new ArrayList<>();
                    field.setLength(0);
                    fieldStarted = false;
                    line++;
                    recordLine = line;
                }
                default -> {
                    field.append(c);
                    fieldStarted = true;
                }
            }
            i++;
        }
        if (quoted) {
            throw new MalformedCsvException("a quoted field starting on line " + recordLine + " is never closed");
        }
        if (fieldStarted || field.length() > 0) {
            fields.add(field.toString());
            records.add(new Record(recordLine, fields));
        }
        return records;
    }

    /** Appends one record and a CRLF line end. */
    public static void write(StringBuilder out, List<String> fields) {
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) {
                out.append(',');
            }
            String v = fields.get(f) == null ? "" : fields.get(f);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                    || (!v.isEmpty() && (Character.isWhitespace(v.charAt(0))
                    || Character.isWhitespace(v.charAt(v.length() - 1))))) {
                out.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                out.append(v);
            }
        }
        out.append("\r\n");
    }
}

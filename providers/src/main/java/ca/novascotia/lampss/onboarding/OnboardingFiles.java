package ca.novascotia.lampss.onboarding;

import ca.novascotia.lampss.domain.OnboardingColumn;
import ca.novascotia.lampss.domain.OnboardingCsv;
import ca.novascotia.lampss.domain.OnboardingCsv.OnboardingFileRefused;
import ca.novascotia.lampss.domain.OnboardingRow;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * An onboarding file's bytes as sent (plain or gzip, bounded), and its JSON form read one row at a
 * time ({@code {"rows": [{"externalNumber": …, "modules": ["sr"], "primaryContact": true, …}]}},
 * the API's field names); the CSV form is {@link OnboardingCsv}'s. Lists become the CSV's
 * semicolon-separated text, so both forms meet the same checks.
 */
public final class OnboardingFiles {

    private static final JsonFactory JSON = new JsonFactory();

    /** Bytes of a file once unpacked: far above 100,000 rows of any valid length; stops a zip bomb. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    private OnboardingFiles() {
    }

    /**
     * The file's bytes as sent: as is, or unpacked when sent with {@code Content-Encoding: gzip}
     * (a file larger than Keycloak's 10 MiB request limit fits in it compressed), at most
     * {@link #MAX_BYTES} either way.
     */
    public static InputStream open(InputStream body, String contentEncoding) {
        try {
            InputStream bytes = contentEncoding != null && contentEncoding.strip().equalsIgnoreCase("gzip")
                    ? new GZIPInputStream(body, 64 * 1024) : body;
            return new Bounded(bytes);
        } catch (IOException notGzip) {
            throw new OnboardingFileRefused("UNREADABLE_FILE", 0, null);
        }
    }

    /** Refuses to read past {@link #MAX_BYTES}. */
    private static final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BYTES) {
                throw new OnboardingFileRefused("FILE_TOO_LARGE", 0, String.valueOf(MAX_BYTES));
            }
        }
    }

    /** @throws OnboardingFileRefused as for CSV: MALFORMED_JSON, UNKNOWN_COLUMN, TOO_MANY_ROWS, FILE_EMPTY */
    public static void readJson(InputStream in, int maxRows, Consumer<OnboardingRow> rows) {
        try (JsonParser parser = JSON.createParser(in)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            expect(parser.nextToken(), JsonToken.FIELD_NAME);
            if (!"rows".equals(parser.currentName())) {
                throw new OnboardingFileRefused("UNKNOWN_COLUMN", 0, "rows");
            }
            expect(parser.nextToken(), JsonToken.START_ARRAY);
            int count = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                if (++count > maxRows) {
                    throw new OnboardingFileRefused("TOO_MANY_ROWS", count, String.valueOf(maxRows));
                }
                rows.accept(new OnboardingRow(count, row(parser, count)));
            }
            expect(parser.currentToken(), JsonToken.END_ARRAY);
            if (count == 0) {
                throw new OnboardingFileRefused("FILE_EMPTY", 0, null);
            }
        } catch (JsonProcessingException malformed) {
            throw new OnboardingFileRefused("MALFORMED_JSON", 0, null);
        } catch (IOException unreadable) {
            throw new OnboardingFileRefused("UNREADABLE_FILE", 0, null);
        }
    }

    private static Map<OnboardingColumn, String> row(JsonParser parser, int line) throws IOException {
        Map<OnboardingColumn, String> values = new EnumMap<>(OnboardingColumn.class);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            OnboardingColumn column = OnboardingColumn.ofField(parser.currentName());
            if (column == null) {
                throw new OnboardingFileRefused("UNKNOWN_COLUMN", line, OnboardingCsv.printable(parser.currentName()));
            }
            values.put(column, value(parser.nextToken(), parser, line));
        }
        return values;
    }

    private static String value(JsonToken token, JsonParser parser, int line) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE ? "yes" : "no";
        }
        if (token == JsonToken.VALUE_NULL) {
            return "";
        }
        if (token == JsonToken.START_ARRAY) {
            List<String> items = new ArrayList<>();
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                items.add(parser.getText());
            }
            expect(parser.currentToken(), JsonToken.END_ARRAY);
            return String.join(";", items);
        }
        throw new OnboardingFileRefused("MALFORMED_JSON", line, null);
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new OnboardingFileRefused("MALFORMED_JSON", 0, null);
        }
    }
}

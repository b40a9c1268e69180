package ca.novascotia.lampss.onboarding;

import ca.novascotia.lampss.domain.OnboardingColumn;
import ca.novascotia.lampss.domain.OnboardingCsv;
import ca.novascotia.lampss.domain.OnboardingCsv.OnboardingFileRefused;
import ca.novascotia.lampss.domain.OnboardingRefusal;
import ca.novascotia.lampss.domain.OnboardingRow;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The two forms of an onboarding file, read one row at a time: CSV, and the same as JSON
 * ({@code {"rows": [{"externalNumber": …, "modules": ["sr"], "primaryContact": true, …}]}}, the
 * API's field names). Lists become the CSV's semicolon-separated text, so both forms meet the
 * same checks.
 */
public final class OnboardingFiles {

    private static final JsonFactory JSON = new JsonFactory();

    private OnboardingFiles() {
    }

    public static void readCsv(InputStream in, int maxRows, Consumer<OnboardingRow> rows, Consumer<OnboardingRefusal> refused) {
        OnboardingCsv.read(in, maxRows, rows, refused);
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
                throw new OnboardingFileRefused("UNKNOWN_COLUMN", line, printable(parser.currentName()));
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

    private static String printable(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return shown.replaceAll("[\\p{Cntrl}<>&\"']", "?");
    }
}

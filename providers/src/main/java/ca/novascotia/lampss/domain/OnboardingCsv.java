package ca.novascotia.lampss.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads an onboarding file (CSV, RFC 4180, UTF-8 with or without a byte-order mark) one row at a
 * time, so a file is never held whole. What makes the whole file unreadable is refused here, before
 * any row is used: not UTF-8, no header, missing, unknown or repeated columns, a broken quote, a line
 * longer than {@link #MAX_LINE_LENGTH}, more rows than allowed. A row with the wrong number of values
 * is the row's refusal (its values are shifted, so none of them can be trusted).
 */
public final class OnboardingCsv {

    /** Characters in one line: far above any valid row (every field has a documented limit). */
    public static final int MAX_LINE_LENGTH = 16 * 1024;

    private final Reader in;
    private final int maxRows;
    private int line = 1;
    /** One character read ahead (after a carriage return), or -2. */
    private int next = -2;
    private boolean firstRead = true;

    private OnboardingCsv(InputStream in, int maxRows) {
        this.in = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        this.maxRows = maxRows;
    }

    /**
     * Calls {@code rows} for each data row, in file order; a row with the wrong number of values
     * comes to {@code refused} instead.
     *
     * @throws OnboardingFileRefused for what makes the whole file unusable
     */
    public static void read(InputStream in, int maxRows, Consumer<OnboardingRow> rows, Consumer<OnboardingRefusal> refused) {
        new OnboardingCsv(in, maxRows).readAll(rows, refused);
    }

    private void readAll(Consumer<OnboardingRow> rows, Consumer<OnboardingRefusal> refused) {
        List<String> header = record();
        if (header == null) {
            throw new OnboardingFileRefused("FILE_EMPTY", 0, null);
        }
        OnboardingColumn[] columns = columns(header);
        int count = 0;
        for (int start = line; ; start = line) {
            List<String> values = record();
            if (values == null) {
                return;
            }
            if (values.size() == 1 && values.get(0).isBlank()) {
                continue;
            }
            if (++count > maxRows) {
                throw new OnboardingFileRefused("TOO_MANY_ROWS", start, String.valueOf(maxRows));
            }
            if (values.size() != columns.length) {
                refused.accept(new OnboardingRefusal(start, null, "WRONG_NUMBER_OF_VALUES",
                        values.size() + "/" + columns.length));
                continue;
            }
            Map<OnboardingColumn, String> byColumn = new EnumMap<>(OnboardingColumn.class);
            for (int i = 0; i < columns.length; i++) {
                byColumn.put(columns[i], values.get(i));
            }
            rows.accept(new OnboardingRow(start, byColumn));
        }
    }

    private static OnboardingColumn[] columns(List<String> header) {
        OnboardingColumn[] columns = new OnboardingColumn[header.size()];
        List<OnboardingColumn> seen = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            OnboardingColumn column = OnboardingColumn.ofHeader(name);
            if (column == null || seen.contains(column)) {
                throw new OnboardingFileRefused(column == null ? "UNKNOWN_COLUMN" : "REPEATED_COLUMN", 1, printable(name));
            }
            seen.add(column);
            columns[i] = column;
        }
        List<String> missing = new ArrayList<>();
        for (OnboardingColumn column : OnboardingColumn.values()) {
            if (!seen.contains(column)) {
                missing.add(column.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new OnboardingFileRefused("MISSING_COLUMNS", 1, String.join(", ", missing));
        }
        return columns;
    }

    /** A column name as it may be quoted back in a message: short, without control characters or markup. */
    public static String printable(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return shown.replaceAll("[\\p{Cntrl}<>&\"']", "?");
    }

    /** One record (a line, or several when a quoted value holds line breaks), or null at the end. */
    private List<String> record() {
        int c = read();
        if (c == -1) {
            return null;
        }
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        int length = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (++length > MAX_LINE_LENGTH) {
                throw new OnboardingFileRefused("LINE_TOO_LONG", line, String.valueOf(MAX_LINE_LENGTH));
            }
            if (quoted) {
                if (c == -1) {
                    throw new OnboardingFileRefused("UNCLOSED_QUOTE", line, null);
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        value.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    value.append((char) c);
                }
            } else if (c == ',' || c == '\n' || c == -1 || c == '\r') {
                values.add(value.toString());
                value.setLength(0);
                wasQuoted = false;
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        unread(after);
                    }
                    c = '\n';
                }
                if (c != ',') {
                    line++;
                    return values;
                }
            } else if (c == '"' && value.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '"' || wasQuoted) {
                throw new OnboardingFileRefused("MISPLACED_QUOTE", line, null);
            } else {
                value.append((char) c);
            }
            c = read();
        }
    }

    private int read() {
        if (next != -2) {
            int c = next;
            next = -2;
            return c;
        }
        try {
            int c = in.read();
            if (c == '\uFEFF' && line == 1 && firstRead) {
                firstRead = false;
                c = in.read();
            }
            firstRead = false;
            return c;
        } catch (CharacterCodingException notUtf8) {
            throw new OnboardingFileRefused("NOT_UTF8", line, null);
        } catch (IOException e) {
            throw new OnboardingFileRefused("UNREADABLE_FILE", line, null);
        }
    }

    private void unread(int c) {
        next = c;
    }

    /** The whole file cannot be used; nothing of it was applied. */
    public static final class OnboardingFileRefused extends RuntimeException {

        private final transient OnboardingRefusal refusal;

        public OnboardingFileRefused(String code, int line, String detail) {
            super(code + " at line " + line + (detail == null ? "" : ": " + detail));
            this.refusal = new OnboardingRefusal(line, null, code, detail);
        }

        public OnboardingRefusal refusal() {
            return refusal;
        }
    }
}

package ca.novascotia.lampss.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnboardingCsvTest {

    static final String HEADER = "organization_number,organization_name_en,organization_name_fr,modules,last_name,first_name,email,profiles,primary_contact\n";

    private final List<OnboardingRow> rows = new ArrayList<>();
    private final List<OnboardingRefusal> refused = new ArrayList<>();

    private void read(String text, int maxRows) {
        read(text.getBytes(StandardCharsets.UTF_8), maxRows);
    }

    private void read(byte[] bytes, int maxRows) {
        OnboardingCsv.read(new ByteArrayInputStream(bytes), maxRows, rows::add, refused::add);
    }

    private static String refusal(Runnable reading) {
        return assertThrows(OnboardingCsv.OnboardingFileRefused.class, reading::run).refusal().code();
    }

    @Test
    void readsQuotedValuesLineBreaksAndCrlfWithLineNumbers() {
        read("\uFEFF" + HEADER.replace("\n", "\r\n") + "A1,\"Org, Inc.\",Org inc.,sr,Doe,\"Jo \"\"JJ\"\"\",jo@x.ca,,yes\r\n"
                + "\r\n"
                + "A1,\"two\nlines\",,,Roe,Al,al@x.ca,,no\r\n"
                + "A2,B,C,,D,E,f@x.ca,,no", 10);
        assertEquals(3, rows.size());
        assertEquals(2, rows.get(0).line());
        assertEquals("Org, Inc.", rows.get(0).get(OnboardingColumn.ORGANIZATION_NAME_EN));
        assertEquals("Jo \"JJ\"", rows.get(0).get(OnboardingColumn.FIRST_NAME));
        assertEquals(4, rows.get(1).line());
        assertEquals("two\nlines", rows.get(1).get(OnboardingColumn.ORGANIZATION_NAME_EN));
        assertEquals(6, rows.get(2).line());
        assertEquals("f@x.ca", rows.get(2).email());
    }

    @Test
    void columnsInAnyOrderAndCaseAreRead() {
        read("EMAIL,primary_contact,profiles,first_name,last_name,modules,organization_name_fr,organization_name_en,organization_number\n"
                + "a@x.ca,no,,F,L,,fr,en,N1\n", 10);
        assertEquals("N1", rows.get(0).organizationNumber());
        assertEquals("en", rows.get(0).get(OnboardingColumn.ORGANIZATION_NAME_EN));
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsThatRowsRefusal() {
        read(HEADER + "A1,B,C,,D,E,f@x.ca,,no,extra\nA1,B,C,,D,E,g@x.ca,,no\n", 10);
        assertEquals(1, rows.size());
        assertEquals(List.of(new OnboardingRefusal(2, null, "WRONG_NUMBER_OF_VALUES", "10/9")), refused);
    }

    @Test
    void wholeFileRefusals() {
        assertEquals("FILE_EMPTY", refusal(() -> read("", 10)));
        assertEquals("MISSING_COLUMNS", refusal(() -> read("organization_number,email\n", 10)));
        assertEquals("UNKNOWN_COLUMN", refusal(() -> read(HEADER.replace("\n", ",phone\n"), 10)));
        assertEquals("REPEATED_COLUMN", refusal(() -> read(HEADER.replace("\n", ",email\n"), 10)));
        assertEquals("UNCLOSED_QUOTE", refusal(() -> read(HEADER + "A1,\"B,C,,D,E,f@x.ca,,no\n", 10)));
        assertEquals("MISPLACED_QUOTE", refusal(() -> read(HEADER + "A1,B\"x,C,,D,E,f@x.ca,,no\n", 10)));
        assertEquals("LINE_TOO_LONG", refusal(() -> read(HEADER + "A1," + "x".repeat(OnboardingCsv.MAX_LINE_LENGTH) + "\n", 10)));
        assertEquals("TOO_MANY_ROWS", refusal(() -> read(HEADER + "A1,B,C,,D,E,f@x.ca,,no\n".repeat(3), 2)));
        byte[] latin1 = (HEADER + "A1,Société,C,,D,E,f@x.ca,,no\n").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("NOT_UTF8", refusal(() -> read(latin1, 10)));
    }

    @Test
    void theLimitCountsRowsNotBlankLines() {
        read(HEADER + "A1,B,C,,D,E,f@x.ca,,no\n\n\nA1,B,C,,D,E,g@x.ca,,no\n", 2);
        assertEquals(2, rows.size());
    }
}

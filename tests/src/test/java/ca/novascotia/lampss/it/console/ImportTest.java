package ca.novascotia.lampss.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.People;
import ca.novascotia.lampss.it.browser.Chromium;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's Import screen in a real headless Chromium against the real server: Operations
 * Support uploads a 1,004-row file (200 new organizations of 5 people, one existing organization
 * renamed with a new person, 3 bad rows), reads the dry run's report in English and French,
 * filters and downloads the refused rows, applies with invitations held, watches the progress bar
 * reach the end, releases the invitations and reads the final report; the API and the mail server
 * then show the organizations, their people and one invitation each. Every screen is photographed
 * and checked with axe-core.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class ImportTest {

    private static final String HEADER = "organization_number,organization_name_en,organization_name_fr,modules,last_name,"
            + "first_name,email,profiles,primary_contact\n";
    private static final int ORGANIZATIONS = 200;
    private static final int PEOPLE = 5;

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm lampss;

    @InjectMailServer
    MailServer mail;

    People people;
    LampssApi ops;
    String opsUsername;

    @BeforeEach
    void operationsSupport() {
        people = new People(lampss);
        opsUsername = Fixture.unique("ops");
        people.createUser(opsUsername, true);
        ops = people.operationsSupport(Fixture.unique("ops-api"));
    }

    /** What the test wrote into the file. */
    record ImportFile(Path path, List<String> numbers, List<String> emails, String existingNumber, String existingEmail,
                      int formulaLine, int emailLine, int moduleLine, int rows) {
    }

    @Test
    void aThousandRowsUploadedCheckedAppliedWithHeldInvitationsThenReleased() throws Exception {
        String existing = Fixture.unique("NS");
        String existingId = ops.post("/organizations", Map.of("nameEn", "Old name " + existing, "nameFr", "Ancien nom " + existing,
                "externalNumber", existing, "modules", List.of("sr"))).string("id");
        ImportFile file = writeFile(existing);
        String jobId;

        try (Chromium browser = Chromium.start("en")) {
            signIn(browser, lampss.getBaseUrl() + "/lampss/console/", opsUsername);
            browser.click(By.id("nav-import"));
            browser.screen("import-upload", "Import from a file");

            // Sent without a file: the field says so.
            browser.click(By.id("import-check"));
            assertEquals("Choose a file to check.", browser.find(By.id("import-file-error")).getText());

            browser.driver.findElement(By.id("import-file")).sendKeys(file.path().toAbsolutePath().toString());
            browser.click(By.id("import-check"));
            browser.find(By.id("import-report"));
            browser.screen("import-report", "Import from a file");

            // The dry run's counts.
            assertEquals(String.format(Locale.CANADA, "%,d", file.rows()), text(browser, "import-count-rows"));
            assertEquals(String.format(Locale.CANADA, "%,d", ORGANIZATIONS * PEOPLE + 1), text(browser, "import-count-NEW_PERSON"));
            assertEquals("3", text(browser, "import-count-REFUSED"));
            assertEquals("200", text(browser, "import-organizations-CREATE"));
            assertEquals("1", text(browser, "import-organizations-UPDATE"));
            WebElement change = browser.find(By.cssSelector("#import-changes-table [data-organization-number='" + existing + "']"));
            assertTrue(change.getText().contains("English name") && change.getText().contains("French name"), change.getText());

            // The refused rows, by line, with their messages in English.
            assertEquals(List.of(file.formulaLine(), file.emailLine(), file.moduleLine()), refusedLines(browser));
            WebElement formula = refusal(browser, file.formulaLine());
            assertTrue(formula.getText().contains("last_name") && formula.getText().contains("formula"), formula.getText());
            assertTrue(refusal(browser, file.emailLine()).getText().contains("email"), refusal(browser, file.emailLine()).getText());

            // Filters: by column, by code, and back to all.
            new Select(browser.find(By.id("import-filter-column"))).selectByValue("email");
            browser.waitUntil(d -> refusedLines(browser).equals(List.of(file.emailLine())), "the email filter");
            new Select(browser.find(By.id("import-filter-column"))).selectByValue("");
            new Select(browser.find(By.id("import-filter-code"))).selectByValue("FORMULA_IN_CELL");
            browser.waitUntil(d -> refusedLines(browser).equals(List.of(file.formulaLine())), "the code filter");
            browser.screenshot("import-report-filtered");
            browser.assertAccessible("import-report-filtered");
            new Select(browser.find(By.id("import-filter-code"))).selectByValue("");
            browser.waitUntil(d -> refusedLines(browser).size() == 3, "all refused rows again");

            // The download: every refused row as CSV, saved by the browser.
            Path downloads = Files.createTempDirectory(Path.of("target"), "import-downloads");
            browser.driver.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
            browser.click(By.id("import-download"));
            Path csv = downloads.resolve("onboarding-refusals.csv");
            browser.waitUntil(d -> Files.exists(csv) && size(csv) > 0, "the refused rows' CSV to download");
            List<String> downloaded = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertEquals("line,column,code,detail,message_en,message_fr", downloaded.get(0));
            assertEquals(4, downloaded.size(), downloaded.toString());
            assertTrue(downloaded.get(1).startsWith(file.formulaLine() + ",\"last_name\",\"FORMULA_IN_CELL\""), downloaded.get(1));

            // The same report in French, the server's messages with it.
            browser.click(By.id("lampss-lang-switch"));
            browser.screen("import-report-fr", "Importer un fichier");
            assertEquals("3", text(browser, "import-count-REFUSED"));
            assertEquals(String.valueOf(ORGANIZATIONS * PEOPLE + 1), text(browser, "import-count-NEW_PERSON").replaceAll("\\D", ""));
            assertTrue(refusal(browser, file.formulaLine()).getText().contains("formule"), refusal(browser, file.formulaLine()).getText());
            assertTrue(browser.find(By.id("import-report")).getText().contains("Lignes refusées"));
            browser.click(By.id("lampss-lang-switch"));
            browser.waitUntil(d -> browser.find(By.id("lampss-page-title")).getText().equals("Import from a file"), "English again");

            // Apply with invitations held (the default), no limit on the rate.
            assertTrue(browser.find(By.id("import-hold")).isSelected(), "invitations are held unless one chooses otherwise");
            browser.type("import-rate", "0");
            browser.click(By.id("import-apply"));
            browser.waitUntil(d -> d.getCurrentUrl().matches(".*/import/[^/]+$"), "the job's screen");
            jobId = browser.driver.getCurrentUrl().replaceAll(".*/import/", "");
            browser.screen("import-progress", "Import");
            WebElement bar = browser.find(By.cssSelector("#import-progress [role='progressbar']"));
            assertEquals(String.valueOf(file.rows()), bar.getAttribute("aria-valuemax"));
            assertEquals("0", bar.getAttribute("aria-valuemin"));
            assertTrue(browser.find(By.id(bar.getAttribute("aria-labelledby"))).getText().contains("Rows done"), "the bar's name");

            // The bar moves until every row is done; then the invitations wait.
            List<Integer> seen = new ArrayList<>();
            boolean[] photographed = {false};
            waitLong(browser, () -> {
                WebElement now = browser.driver.findElement(By.cssSelector("#import-progress [role='progressbar']"));
                int value = Integer.parseInt(now.getAttribute("aria-valuenow"));
                if (seen.isEmpty() || seen.get(seen.size() - 1) != value) {
                    seen.add(value);
                }
                if (value < file.rows() && value > 0 && browser.isPresent(By.id("import-time-left")) && !photographed[0]) {
                    photographed[0] = true;
                    browser.screenshot("import-progress-running");
                    browser.assertAccessible("import-progress-running");
                }
                return value == file.rows();
            }, "the progress bar to reach the end");
            System.out.println("IMPORT progress values seen: " + seen);
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) > seen.get(i - 1), "the bar only moves forward: " + seen);
            }
            waitLong(browser, () -> "Invitations held".equals(text(browser, "import-job-state")), "the state Invitations held");
            WebElement done = browser.find(By.cssSelector("#import-progress [role='progressbar']"));
            assertEquals(done.getAttribute("aria-valuemax"), done.getAttribute("aria-valuenow"));
            assertTrue(browser.find(By.id("import-held")).getText().contains(String.format(Locale.CANADA, "%,d", ORGANIZATIONS * PEOPLE + 1)
                    + " invitations are held"), browser.find(By.id("import-held")).getText());
            browser.screen("import-held", "Import");
            Map<String, Integer> before = mailCounts();
            for (String email : List.of(file.emails().get(0), file.emails().get(499), file.existingEmail())) {
                assertEquals(0, before.getOrDefault(email, 0), "held: no invitation to " + email + " yet");
            }

            // Released: the invitations go out, then the final report.
            browser.click(By.id("import-release"));
            waitLong(browser, () -> "Done".equals(text(browser, "import-job-state")), "the job to be done");
            browser.find(By.id("import-done"));
            browser.find(By.cssSelector("#import-job-rows-table [data-line='" + file.moduleLine() + "']"));
            browser.screen("import-done", "Import");
            assertEquals(String.format(Locale.CANADA, "%,d", file.rows()), text(browser, "import-final-rows"));
            assertEquals("3", text(browser, "import-final-failed"));
            assertEquals(String.format(Locale.CANADA, "%,d", ORGANIZATIONS * PEOPLE + 1), text(browser, "import-final-sent"));
            assertEquals("0", text(browser, "import-final-not-sent"));
            List<WebElement> failed = browser.driver.findElements(By.cssSelector("#import-job-rows-table tbody tr"));
            assertEquals(List.of(file.formulaLine(), file.emailLine(), file.moduleLine()),
                    failed.stream().map(r -> Integer.parseInt(r.getAttribute("data-line"))).toList());
            assertTrue(failed.stream().allMatch(r -> r.getText().contains("Refused")), "refused by the checks");

            // The history lists the job, done; it opens again.
            browser.click(By.id("import-back"));
            browser.screen("import-history", "Import from a file");
            WebElement job = browser.find(By.cssSelector("#import-history-table [data-job-id='" + jobId + "']"));
            assertTrue(job.getText().contains("Done") && job.getText().contains(file.path().getFileName().toString()), job.getText());
            job.findElement(By.cssSelector(".import-job-link")).click();
            browser.screen("import-done-again", "Import");
            assertEquals("Done", text(browser, "import-job-state"));
        }

        // Through the API: the organizations with their people, one invitation each.
        Map<String, Object> finished = ops.get("/onboarding/jobs/" + jobId).json();
        assertEquals("DONE", finished.get("state"));
        assertEquals(file.rows(), finished.get("rowsDone"));
        assertEquals(3, finished.get("rowsFailed"));
        for (int index : List.of(0, 1, 99, 150, ORGANIZATIONS - 1)) {
            String number = file.numbers().get(index);
            List<Map<String, Object>> found = ops.get("/organizations?search=" + LampssApi.query(number)).items().stream()
                    .filter(o -> number.equals(o.get("externalNumber"))).toList();
            assertEquals(1, found.size(), number);
            assertEquals("Org " + number, found.get(0).get("nameEn"));
            List<Map<String, Object>> contacts = ops.get("/organizations/" + found.get(0).get("id") + "/contacts?activeOnly=false&max=20").items();
            assertEquals(PEOPLE, contacts.size(), contacts.toString());
            assertEquals(1, contacts.stream().filter(c -> Boolean.TRUE.equals(c.get("primaryContact"))).count());
            assertTrue(contacts.stream().allMatch(c -> "INVITED".equals(c.get("state"))), contacts.toString());
        }
        Map<String, Object> renamed = ops.get("/organizations/" + existingId).json();
        assertEquals("Org " + existing, renamed.get("nameEn"));
        Map<String, Integer> mails = mailCounts();
        for (String email : file.emails()) {
            assertEquals(1, mails.getOrDefault(email, 0), "one invitation to " + email);
        }
        assertEquals(1, mails.getOrDefault(file.existingEmail(), 0));
        assertFalse(mails.containsKey("not-an-email"));
    }

    /**
     * 200 organizations of 5 people, a new person in an existing organization without contacts (renamed; the
     * file names its primary contact, as the API would make its first contact), and 3 bad rows among them.
     */
    private static ImportFile writeFile(String existing) throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        List<String> numbers = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        int line = 1;
        int formulaLine = 0;
        int emailLine = 0;
        int moduleLine = 0;
        for (int o = 0; o < ORGANIZATIONS; o++) {
            String number = Fixture.unique("NS");
            numbers.add(number);
            String organization = number + ",Org " + number + ",Organisme " + number + ",sr,";
            for (int p = 0; p < PEOPLE; p++) {
                String email = Fixture.unique("imp").toLowerCase(Locale.ROOT) + "@example.ca";
                emails.add(email);
                String profiles = p == 0 ? "" : p % 2 == 0 ? "ofa-user" : "sr-user;ofa-read-only";
                csv.append(organization).append("Person").append(p).append(",Pat,").append(email).append(',').append(profiles)
                        .append(',').append(p == 0 ? "yes" : "no").append('\n');
                line++;
            }
            if (o == 40) {
                csv.append(organization).append("\"=SUM(A1)\",Pat,").append(Fixture.unique("bad")).append("@example.ca,,no\n");
                formulaLine = ++line;
            } else if (o == 120) {
                csv.append(organization).append("Person,Pat,not-an-email,,no\n");
                emailLine = ++line;
            } else if (o == ORGANIZATIONS - 1) {
                csv.append(organization).append("Person,Pat,").append(Fixture.unique("bad")).append("@example.ca,ecm-inquiry,no\n");
                moduleLine = ++line;
            }
        }
        String existingEmail = Fixture.unique("imp").toLowerCase(Locale.ROOT) + "@example.ca";
        csv.append(existing).append(",Org ").append(existing).append(",Organisme ").append(existing).append(",sr,Person,Pat,")
                .append(existingEmail).append(",sr-user,yes\n");
        line++;
        Path path = Files.createTempFile(Files.createDirectories(Path.of("target", "import-files")), "onboarding-", ".csv");
        Files.writeString(path, csv, StandardCharsets.UTF_8);
        return new ImportFile(path, numbers, emails, existing, existingEmail, formulaLine, emailLine, moduleLine, line - 1);
    }

    private static String text(Chromium browser, String id) {
        return browser.find(By.id(id)).getText().strip();
    }

    private static List<Integer> refusedLines(Chromium browser) {
        return browser.driver.findElements(By.cssSelector("#import-refusals-table tbody tr[data-line]")).stream()
                .map(r -> Integer.parseInt(r.getAttribute("data-line"))).toList();
    }

    private static WebElement refusal(Chromium browser, int line) {
        return browser.find(By.cssSelector("#import-refusals-table tr[data-line='" + line + "']"));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Waits up to 5 minutes, looking every 200 ms (applying and sending take longer than Chromium's usual 30 s). */
    private static void waitLong(Chromium browser, java.util.function.Supplier<Boolean> condition, String what) {
        try {
            new WebDriverWait(browser.driver, Duration.ofMinutes(5), Duration.ofMillis(200))
                    .ignoring(StaleElementReferenceException.class).ignoring(NumberFormatException.class)
                    .until(d -> condition.get());
        } catch (TimeoutException e) {
            throw new AssertionError("waited for " + what + ":\n" + browser.bodyText(), e);
        }
    }

    /** How many emails each address received. */
    private Map<String, Integer> mailCounts() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            for (Address recipient : message.getAllRecipients()) {
                counts.merge(recipient.toString().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static void signIn(Chromium browser, String url, String username) {
        browser.open(url);
        browser.find(By.id("username")).sendKeys(username);
        browser.find(By.id("password")).sendKeys(People.PASSWORD);
        browser.click(By.id("kc-login"));
    }
}

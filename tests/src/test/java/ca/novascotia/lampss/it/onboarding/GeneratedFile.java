package ca.novascotia.lampss.it.onboarding;

import java.util.Locale;

/**
 * Onboarding files made up for tests and benchmarks: {@code organizations} new organizations named
 * {@code <prefix>-<o>}, each with {@code people} people, the first its primary contact, the others
 * given {@code profiles}.
 */
public final class GeneratedFile {

    public static final String HEADER = "organization_number,organization_name_en,organization_name_fr,modules,"
            + "last_name,first_name,email,profiles,primary_contact\n";

    private GeneratedFile() {
    }

    public static String csv(String prefix, int organizations, int people, String modules, String profiles) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int o = 0; o < organizations; o++) {
            for (int p = 0; p < people; p++) {
                csv.append(number(prefix, o)).append(",Organization ").append(o).append(",Organisme ").append(o).append(',')
                        .append(modules).append(",Lastname").append(p).append(",Firstname,").append(email(prefix, o, p)).append(',')
                        .append(p == 0 ? "" : profiles).append(p == 0 ? ",yes\n" : ",no\n");
            }
        }
        return csv.toString();
    }

    public static String number(String prefix, int organization) {
        return prefix + "-" + organization;
    }

    public static String email(String prefix, int organization, int person) {
        return (prefix + "-" + organization + "-" + person + "@example.ca").toLowerCase(Locale.ROOT);
    }
}

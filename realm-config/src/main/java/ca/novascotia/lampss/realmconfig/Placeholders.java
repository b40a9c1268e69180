package ca.novascotia.lampss.realmconfig;

import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Substitutes {@code ${VAR}} and {@code ${VAR:default}} placeholders the way Keycloak's
 * {@code --import-realm} does: the value comes from the environment variable VAR, and the text
 * after the first ':' is the fallback when VAR is unset. {@code ${A,B:default}} tries A, then B.
 *
 * <p>Differences from Keycloak, on purpose: a placeholder that names an environment variable
 * (upper-case letters, digits and '_', e.g. {@code ${LAMPSS_SMTP_HOST}}) that is unset and has no
 * default is an error instead of being left in the file. A placeholder that does not look like an
 * environment variable name (e.g. a Keycloak message key such as {@code ${profileScopeConsentText}})
 * is left untouched, as Keycloak leaves it, because Keycloak itself resolves those at run time.
 */
public final class Placeholders {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    private Placeholders() {
    }

    /** Thrown when a placeholder names an unset variable and gives no default. */
    public static final class UnresolvedPlaceholderException extends IllegalArgumentException {
        private final String variable;

        UnresolvedPlaceholderException(String variable, String placeholder, int line) {
            super("unresolved placeholder " + placeholder + " on line " + line
                    + ": environment variable " + variable + " is not set and no default is given");
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
    }

    /**
     * Returns {@code text} with every placeholder replaced.
     *
     * @param env looks a variable up; returns null when it is unset (e.g. {@code System::getenv})
     * @throws UnresolvedPlaceholderException for an unset environment variable without default
     */
    public static String substitute(String text, Function<String, String> env) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(env, "env");
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            int end = text.indexOf('}', start + 2);
            if (end < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            String placeholder = text.substring(start, end + 1);
            String body = text.substring(start + 2, end);
            out.append(resolve(placeholder, body, env, lineOf(text, start)));
            i = end + 1;
        }
        return out.toString();
    }

    private static String resolve(String placeholder, String body, Function<String, String> env, int line) {
        int colon = body.indexOf(':');
        String names = colon >= 0 ? body.substring(0, colon) : body;
        String fallback = colon >= 0 ? body.substring(colon + 1) : null;

        String[] alternatives = names.split(",", -1);
        boolean allEnvNames = true;
        for (String alternative : alternatives) {
            if (!ENV_NAME.matcher(alternative.trim()).matches()) {
                allEnvNames = false;
            }
        }
        if (!allEnvNames) {
            return placeholder; // not ours (e.g. ${profileScopeConsentText}): leave it as Keycloak does
        }
        for (String alternative : alternatives) {
            String value = env.apply(alternative.trim());
            if (value != null) {
                return value;
            }
        }
        if (fallback != null) {
            return fallback;
        }
        throw new UnresolvedPlaceholderException(alternatives[0].trim(), placeholder, line);
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int k = 0; k < index; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}

package ca.novascotia.lampss.realmconfig;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.OAuth2Constants;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Applies realm-config files to an already running Keycloak without losing its data.
 *
 * <pre>
 * java -jar lampss-realm-config-0.1.0-SNAPSHOT-cli.jar --url http://localhost:8080 --user admin \
 *      [--password admin | $KEYCLOAK_ADMIN_PASSWORD] [--admin-realm master] [--client-id admin-cli] \
 *      [--mode add-missing|update] FILE...
 * </pre>
 *
 * Exit codes: 0 applied (or nothing to do), 1 failed (cannot connect or sign in, bad file, change
 * refused), 2 bad arguments. See APPLY.md.
 */
public final class ApplyRealmConfig {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private ApplyRealmConfig() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System::getenv, System.out, System.err));
    }

    static int run(String[] args, Function<String, String> env, PrintStream out, PrintStream err) {
        CliOptions options;
        try {
            options = CliOptions.parse(args, env);
        } catch (CliOptions.HelpRequested help) {
            out.println(CliOptions.USAGE);
            return OK;
        } catch (CliOptions.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.println(CliOptions.USAGE);
            return USAGE;
        }
        for (String file : options.files()) {
            if (!Files.isRegularFile(Path.of(file))) {
                err.println("error: FILE not found or not a regular file: " + file);
                err.println();
                err.println(CliOptions.USAGE);
                return USAGE;
            }
        }

        // Read every file before touching the server, so a bad file changes nothing.
        List<ConfigFile> files = new ArrayList<>();
        try {
            for (String file : options.files()) {
                files.add(ConfigFile.load(Path.of(file), env));
            }
        } catch (ConfigFile.InvalidFileException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }

        try (Keycloak keycloak = KeycloakBuilder.builder()
                .serverUrl(options.url())
                .realm(options.adminRealm())
                .clientId(options.clientId())
                .grantType(OAuth2Constants.PASSWORD)
                .username(options.user())
                .password(options.password())
                .build()) {

            String signInError = signIn(keycloak, options);
            if (signInError != null) {
                err.println("error: " + signInError);
                return FAILED;
            }
            out.println("Applying " + files.size() + (files.size() == 1 ? " file" : " files") + " to "
                    + options.url() + " in mode " + options.mode().cliName() + " (signed in as "
                    + options.user() + " in realm " + options.adminRealm() + ")");

            ChangeLog log = new ChangeLog(out);
            RealmApplier applier = new RealmApplier(keycloak, options.mode(), log);
            for (int i = 0; i < files.size(); i++) {
                ConfigFile file = files.get(i);
                boolean more = i + 1 < files.size();
                log.info("--- " + file.source() + " (" + (file.kind() == ConfigFile.Kind.USERS ? "users" : "realm")
                        + " " + file.realm() + ")");
                try {
                    applier.apply(file);
                } catch (ApplyException e) {
                    out.println(log.summary());
                    err.println("error: " + file.source() + ": " + oneLine(e.getMessage()));
                    if (more) {
                        err.println("Stopped: the files after " + file.source() + " were not applied.");
                    }
                    return FAILED;
                } catch (ProcessingException e) {
                    out.println(log.summary());
                    err.println("error: " + file.source() + ": lost the connection to " + options.url() + ": "
                            + rootMessage(e));
                    return FAILED;
                } catch (WebApplicationException | IllegalArgumentException | IllegalStateException e) {
                    out.println(log.summary());
                    err.println("error: " + file.source() + ": " + rootMessage(e));
                    return FAILED;
                }
            }
            out.println(log.summary());
            return OK;
        }
    }

    /** Gets a token; returns a one-line description of the failure, or null when signed in. */
    static String signIn(Keycloak keycloak, CliOptions options) {
        String who = "as " + options.user() + " in realm " + options.adminRealm() + " with client " + options.clientId();
        try {
            keycloak.tokenManager().getAccessToken();
            return null;
        } catch (ProcessingException e) {
            return "cannot connect to " + options.url() + ": " + rootMessage(e);
        } catch (WebApplicationException e) {
            Response response = e.getResponse();
            String detail = "";
            try {
                if (response != null && response.hasEntity()) {
                    detail = " " + oneLine(response.readEntity(String.class));
                }
            } catch (RuntimeException ignored) {
                // keep the status alone
            }
            int status = response == null ? 0 : response.getStatus();
            String hint = switch (status) {
                case 401 -> " (wrong user, password or client?)";
                case 404 -> " (wrong --url or --admin-realm?)";
                default -> "";
            };
            return "cannot sign in to " + options.url() + " " + who + ": HTTP " + status + hint + detail;
        } catch (RuntimeException e) {
            return "cannot sign in to " + options.url() + " " + who + ": " + rootMessage(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return oneLine(message);
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return line.length() > 400 ? line.substring(0, 400) + "..." : line;
    }
}

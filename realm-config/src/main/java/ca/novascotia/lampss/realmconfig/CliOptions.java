package ca.novascotia.lampss.realmconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The parsed command line of {@link ApplyRealmConfig}. */
public final class CliOptions {

    /** Environment variable read for the password when --password is not given. */
    public static final String PASSWORD_ENV = "KEYCLOAK_ADMIN_PASSWORD";

    public static final String USAGE = String.join("\n",
            "Usage: java -jar lampss-realm-config-cli.jar --url URL --user USER [--password PASSWORD]",
            "           [--admin-realm REALM] [--client-id CLIENT] [--mode add-missing|update] FILE...",
            "",
            "Applies realm configuration files to a running Keycloak without losing its data.",
            "",
            "  --url URL            Keycloak base URL, e.g. http://localhost:8080 (required)",
            "  --user USER          administrator user name (required)",
            "  --password PASSWORD  administrator password; if omitted, taken from $" + PASSWORD_ENV,
            "  --admin-realm REALM  realm the administrator signs in to (default: master)",
            "  --client-id CLIENT   client used to sign in (default: admin-cli)",
            "  --mode MODE          add-missing (default): only add what is missing;",
            "                       update: also update shipped settings in place",
            "  --help               print this help",
            "  FILE...              realm files ({\"realm\": ..., ...}) and users files",
            "                       ({\"realm\": ..., \"users\": [...]}), applied in the order given",
            "",
            "Exit codes: 0 applied (or nothing to do), 1 failed, 2 bad arguments.");

    /** What to do with things that already exist. */
    public enum Mode {
        ADD_MISSING("add-missing"),
        UPDATE("update");

        private final String cliName;

        Mode(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }

        static Mode fromCli(String value) {
            for (Mode mode : values()) {
                if (mode.cliName.equals(value)) {
                    return mode;
                }
            }
            throw new UsageException("bad value for --mode: '" + value + "' (accepted values: add-missing, update)");
        }
    }

    /** A bad or missing argument; the message names it. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    /** Thrown for --help. */
    public static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help");
        }
    }

    private final String url;
    private final String user;
    private final String password;
    private final String adminRealm;
    private final String clientId;
    private final Mode mode;
    private final List<String> files;

    private CliOptions(String url, String user, String password, String adminRealm, String clientId, Mode mode,
                       List<String> files) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.adminRealm = adminRealm;
        this.clientId = clientId;
        this.mode = mode;
        this.files = List.copyOf(files);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String adminRealm() {
        return adminRealm;
    }

    public String clientId() {
        return clientId;
    }

    public Mode mode() {
        return mode;
    }

    public List<String> files() {
        return files;
    }

    /**
     * Parses the command line. Options accept both {@code --opt value} and {@code --opt=value}.
     *
     * @param env environment lookup (for {@value #PASSWORD_ENV})
     * @throws UsageException naming the bad or missing argument
     * @throws HelpRequested for --help / -h
     */
    public static CliOptions parse(String[] args, Function<String, String> env) {
        String url = null;
        String user = null;
        String password = null;
        String adminRealm = "master";
        String clientId = "admin-cli";
        Mode mode = Mode.ADD_MISSING;
        List<String> files = new ArrayList<>();
        boolean onlyFiles = false;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (onlyFiles || !arg.startsWith("-") || arg.equals("-")) {
                files.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                onlyFiles = true;
                continue;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--url", "--user", "--password", "--admin-realm", "--client-id", "--mode" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException("missing value for " + name);
                        }
                        value = args[++i];
                    }
                    if (value.isEmpty()) {
                        throw new UsageException("empty value for " + name);
                    }
                }
                default -> throw new UsageException("unknown option: " + name
                        + " (accepted options: --url, --user, --password, --admin-realm, --client-id, --mode, --help)");
            }
            switch (name) {
                case "--url" -> url = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--admin-realm" -> adminRealm = value;
                case "--client-id" -> clientId = value;
                case "--mode" -> mode = Mode.fromCli(value);
                default -> throw new IllegalStateException(name);
            }
        }

        if (url == null) {
            throw new UsageException("missing required option --url (e.g. --url http://localhost:8080)");
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new UsageException("bad value for --url: '" + url + "' (must start with http:// or https://)");
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (user == null) {
            throw new UsageException("missing required option --user");
        }
        if (password == null) {
            password = env.apply(PASSWORD_ENV);
            if (password == null || password.isEmpty()) {
                throw new UsageException("missing password: give --password or set " + PASSWORD_ENV);
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("missing FILE: give at least one realm or users file");
        }
        return new CliOptions(url, user, password, adminRealm, clientId, mode, files);
    }
}

package ca.novascotia.lampss.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the Keycloak server process has used (user + system, all its threads), read from Linux's
 * {@code /proc/<pid>/stat}. Divided by the requests of a round it gives the server's CPU per request,
 * which, unlike requests per second, does not depend on how the load generator and the server share
 * the cores. The server is the Java process the test framework started below us.
 */
final class ServerCpu {

    /** Clock ticks per second of {@code /proc} times (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long pid;

    private ServerCpu(long pid) {
        this.pid = pid;
    }

    /** The server process, or none when it cannot be found (not Linux, or not started by us). */
    static ServerCpu find() {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("kc.home.dir")
                        || process.info().commandLine().orElse("").contains("io.quarkus"))
                .filter(process -> Files.exists(Path.of("/proc", String.valueOf(process.pid()), "stat")))
                .findFirst()
                .map(process -> new ServerCpu(process.pid()))
                .orElse(null);
    }

    /** Seconds of CPU used so far. */
    double seconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime field 15.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the server's CPU time", e);
        }
    }
}

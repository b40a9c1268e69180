package ca.novascotia.lampss.realmconfig;

import java.io.PrintStream;

/** Prints one line per item ({@code realm: + thing}, {@code = thing (exists)}, {@code ~ thing (updated)}) and counts them. */
public final class ChangeLog {

    private final PrintStream out;
    private int added;
    private int updated;
    private int unchanged;
    private int warnings;

    public ChangeLog(PrintStream out) {
        this.out = out;
    }

    public void added(String realm, String what) {
        added++;
        out.println(realm + ": + " + what);
    }

    public void updated(String realm, String what) {
        updated++;
        out.println(realm + ": ~ " + what);
    }

    public void unchanged(String realm, String what) {
        unchanged++;
        out.println(realm + ": = " + what);
    }

    public void warn(String realm, String what) {
        warnings++;
        out.println(realm + ": ! " + what);
    }

    public void info(String line) {
        out.println(line);
    }

    public int changes() {
        return added + updated;
    }

    public String summary() {
        String warn = warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings");
        if (changes() == 0) {
            return "Summary: no changes; " + unchanged + " items already in place" + warn + ".";
        }
        return "Summary: " + added + " added, " + updated + " updated, " + unchanged + " unchanged" + warn + ".";
    }
}

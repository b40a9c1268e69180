package ca.novascotia.lampss.onboarding;

import ca.novascotia.lampss.domain.Actor;
import ca.novascotia.lampss.domain.OnboardingCsv;
import ca.novascotia.lampss.domain.OnboardingPlan;
import ca.novascotia.lampss.domain.OnboardingReport;
import ca.novascotia.lampss.domain.OnboardingRow;
import ca.novascotia.lampss.model.ContactDirectory;
import ca.novascotia.lampss.model.LampssRealm;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.model.People;
import ca.novascotia.lampss.model.ProfileGrants;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The dry run: a file's rows, in chunks, against what the realm holds, by {@link OnboardingPlan}'s
 * rules. It only reads. The same check comes first when a job is created.
 */
public final class OnboardingCheck {

    /** Rows looked up together: a few queries per chunk, whatever the file's size. */
    static final int CHUNK = 500;

    /** How a file is written. */
    public enum Format { CSV, JSON }

    private OnboardingCheck() {
    }

    /** @throws ca.novascotia.lampss.domain.OnboardingCsv.OnboardingFileRefused when the file as a whole is unusable */
    public static OnboardingReport check(LampssRealm lampss, Actor actor, InputStream file, Format format, int maxRows) {
        Memberships memberships = new Memberships(lampss);
        KnownInRealm known = new KnownInRealm(lampss, new Organizations(lampss), memberships, new People(lampss, memberships),
                new ContactDirectory(lampss, new ProfileGrants(lampss)));
        OnboardingPlan plan = new OnboardingPlan(actor);
        List<OnboardingRow> chunk = new ArrayList<>(CHUNK);
        Consumer<OnboardingRow> rows = row -> {
            chunk.add(row);
            if (chunk.size() == CHUNK) {
                flush(chunk, known, plan);
            }
        };
        if (format == Format.JSON) {
            OnboardingFiles.readJson(file, maxRows, rows);
        } else {
            OnboardingCsv.read(file, maxRows, rows, plan::unreadable);
        }
        flush(chunk, known, plan);
        return plan.finish();
    }

    private static void flush(List<OnboardingRow> chunk, KnownInRealm known, OnboardingPlan plan) {
        known.load(chunk);
        plan.add(chunk, known);
        chunk.clear();
    }
}

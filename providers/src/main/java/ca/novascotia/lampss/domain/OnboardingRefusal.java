package ca.novascotia.lampss.domain;

/**
 * Why a line of an onboarding file, or the whole file, cannot be applied.
 *
 * @param line   the line (0 for the whole file)
 * @param column the column at fault, or null
 * @param code   an error code of the API ({@link Reason} names, or onboarding's own)
 * @param detail what a person needs besides the code's message (another line, a column name), or null
 */
public record OnboardingRefusal(int line, OnboardingColumn column, String code, String detail) {

    static OnboardingRefusal of(int line, OnboardingColumn column, String code) {
        return new OnboardingRefusal(line, column, code, null);
    }

    static OnboardingRefusal from(int line, DomainException refused) {
        return new OnboardingRefusal(line, OnboardingColumn.ofField(refused.field()), refused.reason().name(), null);
    }
}

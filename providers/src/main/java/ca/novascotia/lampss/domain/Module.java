package ca.novascotia.lampss.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A part of LaMPSS an organization may be given access to. Each security profile belongs to exactly
 * one module, and a profile can only be given in an organization that has its module.
 *
 * <p>Whether an organization qualifies for a module (an active registered college, an NSSAL
 * community learning organization) is a fact held by the province, not by this system: Operations
 * Support checks it when it changes an organization's modules, which only it may do. The
 * {@link #eligibility()} text says what to check.
 */
public enum Module {

    ORGANIZATION_FUNDING_AGREEMENT("ofa", true,
            LocalizedText.of("Organization Funding Agreement", "Entente de financement d’organisme"),
            LocalizedText.of("Every funded organization.", "Tous les organismes financés.")),

    SERVICE_REGISTRATION("sr", false,
            LocalizedText.of("Service Registration", "Inscription à un service"),
            LocalizedText.of("Organizations whose program guidelines or funding agreement require it.",
                    "Organismes dont les lignes directrices du programme ou l’entente de financement l’exigent.")),

    EXTERNAL_CASE_MANAGEMENT("ecm", false,
            LocalizedText.of("External Case Management", "Gestion externe de cas"),
            LocalizedText.of("Organizations that manage client cases.",
                    "Organismes qui gèrent des cas de clients.")),

    PRIVATE_CAREER_COLLEGES("pcc", false,
            LocalizedText.of("Private Career Colleges", "Collèges privés d’enseignement professionnel (CPEP)"),
            LocalizedText.of("Only organizations with an active college registered with the Private Career Colleges division.",
                    "Seulement les organismes qui ont un collège actif enregistré auprès de la division des collèges privés.")),

    LEARNER_MANAGEMENT("lm", false,
            LocalizedText.of("Learner Management", "Gestion de l’apprenant"),
            LocalizedText.of("Only NSSAL community learning organizations.",
                    "Seulement les organismes d’apprentissage communautaire (OAC) de l’ÉFANE."));

    private final String code;
    private final boolean alwaysEnabled;
    private final LocalizedText displayName;
    private final LocalizedText eligibility;

    Module(String code, boolean alwaysEnabled, LocalizedText displayName, LocalizedText eligibility) {
        this.code = code;
        this.alwaysEnabled = alwaysEnabled;
        this.displayName = displayName;
        this.eligibility = eligibility;
    }

    /** Short stable code used in attributes, role-name prefixes and the REST API. */
    public String code() {
        return code;
    }

    /** Only the Funding Agreement: every funded organization has one, so it cannot be turned off. */
    public boolean isAlwaysEnabled() {
        return alwaysEnabled;
    }

    public LocalizedText displayName() {
        return displayName;
    }

    public String displayNameEn() {
        return displayName.en();
    }

    public String displayNameFr() {
        return displayName.fr();
    }

    /** Which organizations may have this module; shown to Operations Support when choosing modules. */
    public LocalizedText eligibility() {
        return eligibility;
    }

    /**
     * The module with this code; case and surrounding blanks are ignored because codes arrive from
     * people and JSON bodies.
     *
     * @throws DomainException {@link Reason#UNKNOWN_MODULE}, naming the accepted codes
     */
    /** The modules with these codes. */
    public static java.util.Set<Module> fromCodes(java.util.Collection<String> codes) {
        java.util.Set<Module> modules = java.util.EnumSet.noneOf(Module.class);
        codes.forEach(code -> modules.add(fromCode(code)));
        return modules;
    }

    public static Module fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(module -> module.code.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new DomainException(Reason.UNKNOWN_MODULE, "modules",
                        "Unknown module '" + code + "'; accepted values: " + acceptedCodes()));
    }

    static String acceptedCodes() {
        return Arrays.stream(values()).map(Module::code).collect(Collectors.joining(", "));
    }
}

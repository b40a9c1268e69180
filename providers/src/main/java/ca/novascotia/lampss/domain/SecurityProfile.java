package ca.novascotia.lampss.domain;

import static ca.novascotia.lampss.domain.Module.EXTERNAL_CASE_MANAGEMENT;
import static ca.novascotia.lampss.domain.Module.LEARNER_MANAGEMENT;
import static ca.novascotia.lampss.domain.Module.ORGANIZATION_FUNDING_AGREEMENT;
import static ca.novascotia.lampss.domain.Module.PRIVATE_CAREER_COLLEGES;
import static ca.novascotia.lampss.domain.Module.SERVICE_REGISTRATION;
import static ca.novascotia.lampss.domain.SecurityProfile.Grantor.OPERATIONS_SUPPORT_ONLY;
import static ca.novascotia.lampss.domain.SecurityProfile.Grantor.ORGANIZATION;
import static ca.novascotia.lampss.domain.SecurityProfile.Kind.ADMINISTRATIVE;
import static ca.novascotia.lampss.domain.SecurityProfile.Kind.FUNCTIONAL;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A LaMPSS security profile ("profil-sécurité"): a client role of the system's client, held by a
 * person in one organization. The role names are already used by the realm configuration and by the
 * department applications reading tokens: never rename them.
 *
 * <p>Labels are the guide's names; descriptions are the guide's "may" text, shortened. Who may give
 * each profile is {@link DelegationPolicy}'s business; {@link #grantedOnlyByOperationsSupport()} is
 * the part of it that belongs to the profile itself.
 */
public enum SecurityProfile {

    OFA_SELF_SERVICE_FULL_UPDATE(ORGANIZATION_FUNDING_AGREEMENT, "ofa-self-service-full-update", ADMINISTRATIVE, OPERATIONS_SUPPORT_ONLY,
            LocalizedText.of("Self-Service with Full Update privilege",
                    "Libre-service avec privilège de mise à jour complète"),
            LocalizedText.of("Create, modify and deactivate the organization’s LaMPSS users.",
                    "Créer, modifier et désactiver les utilisateurs du LaMPSS de l’organisme.")),

    OFA_ADMINISTRATOR(ORGANIZATION_FUNDING_AGREEMENT, "ofa-administrator", ADMINISTRATIVE, ORGANIZATION,
            LocalizedText.of("Organization Funding Agreement/Administrator",
                    "Entente de financement d’organisme/Administrateur"),
            LocalizedText.of("Keep the organization’s user access current; update organization information; add, modify and deactivate users; submit applications, activity and financial reports.",
                    "Veiller à ce que l’accès des utilisateurs soit toujours à jour; mettre à jour les renseignements sur l’organisme; ajouter, modifier et désactiver les utilisateurs; envoyer des demandes, des rapports d’activités et des rapports financiers.")),

    OFA_USER(ORGANIZATION_FUNDING_AGREEMENT, "ofa-user", FUNCTIONAL, ORGANIZATION,
            LocalizedText.of("Organization Funding Agreement/User",
                    "Entente de financement d’organisme/Utilisateur"),
            LocalizedText.of("View organization information; submit applications, activity and financial reports.",
                    "Voir les renseignements de l’organisme; envoyer des demandes, des rapports d’activités et des rapports financiers.")),

    OFA_READ_ONLY(ORGANIZATION_FUNDING_AGREEMENT, "ofa-read-only", FUNCTIONAL, ORGANIZATION,
            LocalizedText.of("Organization Funding Agreement/Read only",
                    "Entente de financement d’organisme/Lecture seulement"),
            LocalizedText.of("View organization and agreement information, without update privileges.",
                    "Voir les renseignements sur l’organisme et l’entente, sans privilèges de mise à jour.")),

    SR_ADMINISTRATOR(SERVICE_REGISTRATION, "sr-administrator", ADMINISTRATIVE, OPERATIONS_SUPPORT_ONLY,
            LocalizedText.of("Service Registration Administrator",
                    "Administrateur, Inscription à un service"),
            LocalizedText.of("Add and update the organization’s contact information; give the Service Registration User and Inquiry only profiles to new or existing Funding Agreement users.",
                    "Ajouter et mettre à jour les coordonnées de l’organisme; assigner aux utilisateurs nouveaux ou actuels de l’Entente de financement d’organisme les rôles de mise à jour et de consultation seulement de l’Inscription à un service.")),

    SR_USER(SERVICE_REGISTRATION, "sr-user", FUNCTIONAL, ORGANIZATION,
            LocalizedText.of("Service Registration User",
                    "Utilisateur de l’inscription à un service"),
            LocalizedText.of("Update all of the organization’s service registration information (services, persons, participants); produce service registration reports.",
                    "Mettre à jour tous les renseignements sur l’Inscription à un service de l’organisme (services, personnes, participants); produire les rapports de l’Inscription à un service.")),

    SR_INQUIRY_ONLY(SERVICE_REGISTRATION, "sr-inquiry-only", FUNCTIONAL, ORGANIZATION,
            LocalizedText.of("Service Registration Inquiry only",
                    "Inscription à un service, Consultation seulement"),
            LocalizedText.of("View all of the organization’s service registration information; produce service registration reports.",
                    "Consulter tous les renseignements sur l’Inscription à un service de l’organisme; produire les rapports de l’Inscription à un service.")),

    ECM_ADMINISTRATOR(EXTERNAL_CASE_MANAGEMENT, "ecm-administrator", ADMINISTRATIVE, OPERATIONS_SUPPORT_ONLY,
            LocalizedText.of("External Case Management Administrator",
                    "Administrateur de la Gestion externe de cas"),
            LocalizedText.of("Keep the organization’s user access current; configure External Case Management for the organization, including its profile; add contacts and users; assign External Case Management profiles.",
                    "Veiller à ce que l’accès des utilisateurs soit toujours à jour; configurer la Gestion externe de cas de l’organisme, y compris son profil; ajouter des personnes-ressources et des utilisateurs; attribuer les rôles de sécurité de la Gestion externe de cas.")),

    ECM_CASE_INTAKE_FOLLOW_UP(EXTERNAL_CASE_MANAGEMENT, "ecm-case-intake-follow-up", FUNCTIONAL, ORGANIZATION,
            LocalizedText.of("External Case Management Case Intake and Follow-up",
                    "Suivi de la prise en charge du cas de la Gestion externe de cas"),
            LocalizedText.of("Add and update persons; limited case intake and follow-up.",
                    "Ajouter et mettre à jour des personnes; accès limité à l’accueil et au suivi des cas.")),

    ECM_INQUIRY(EXTERNAL_CASE_MANAGEMENT, "ecm-inquiry", FUNCTIONAL, ORGANIZATION,
            LocalizedText.of("External Case Management Inquiry",
                    "Consultation de la Gestion externe de cas"),
            LocalizedText.of("Produce all External Case Management reports; see all staff in the workload dashboard.",
                    "Produire tous les rapports de la Gestion externe de cas; consulter tous les membres du personnel dans le tableau de bord de la charge de travail.")),

    ECM_REVIEWER(EXTERNAL_CASE_MANAGEMENT, "ecm-reviewer", FUNCTIONAL, ORGANIZATION,
            LocalizedText.of("External Case Management Reviewer",
                    "Réviseur de la Gestion externe de cas"),
            LocalizedText.of("Use External Case Management functions; comment on External Case Management funding requests.",
                    "Utiliser les fonctions de la Gestion externe de cas; commenter les demandes de financement de la Gestion externe de cas.")),

    ECM_INQUIRY_ONLY(EXTERNAL_CASE_MANAGEMENT, "ecm-inquiry-only", FUNCTIONAL, ORGANIZATION,
            LocalizedText.of("External Case Management Inquiry only",
                    "Consultation de la Gestion externe de cas uniquement"),
            LocalizedText.of("Read-only External Case Management inquiries.",
                    "Demandes de renseignements (consultation) de la Gestion externe de cas seulement.")),

    ECM_BUSINESS_ASSOCIATES_UPDATE(EXTERNAL_CASE_MANAGEMENT, "ecm-business-associates-update", FUNCTIONAL, ORGANIZATION,
            LocalizedText.of("External Case Management Business Associates Update",
                    "Mise à jour des associés commerciaux de la Gestion externe de cas"),
            LocalizedText.of("Add and update the organization’s private business associates.",
                    "Ajouter et mettre à jour les associés commerciaux privés de l’organisme.")),

    ECM_CASE_MANAGER(EXTERNAL_CASE_MANAGEMENT, "ecm-case-manager", FUNCTIONAL, ORGANIZATION,
            LocalizedText.of("External Case Management Case Manager",
                    "Gestionnaire de cas de la Gestion externe de cas"),
            LocalizedText.of("Add and update persons and cases.",
                    "Ajouter et mettre à jour des personnes et des cas.")),

    PCC_ADMINISTRATOR(PRIVATE_CAREER_COLLEGES, "pcc-administrator", ADMINISTRATIVE, OPERATIONS_SUPPORT_ONLY,
            LocalizedText.of("Private Career Colleges Administrator",
                    "Administrateur de CPEP"),
            LocalizedText.of("Keep the organization’s user access current; manage organization details, contacts and self-service users; add, modify and deactivate users.",
                    "Veiller à ce que l’accès des utilisateurs soit toujours à jour; gérer les détails de l’organisme, ses personnes-ressources et ses utilisateurs en libre-service; ajouter, modifier et désactiver des utilisateurs.")),

    PCC_TRAINING_PROGRAM_MAINTENANCE(PRIVATE_CAREER_COLLEGES, "pcc-training-program-maintenance", FUNCTIONAL, ORGANIZATION,
            LocalizedText.of("Private Career Colleges Training Program Maintenance",
                    "Entretien du programme de formation CPEP"),
            LocalizedText.of("Register and modify training programs and see their documents; make payments.",
                    "Enregistrer et modifier les programmes de formation et consulter leurs documents; effectuer des paiements.")),

    PCC_ADMISSION_ENROLMENT_MAINTENANCE(PRIVATE_CAREER_COLLEGES, "pcc-admission-enrolment-maintenance", FUNCTIONAL, ORGANIZATION,
            LocalizedText.of("Private Career Colleges Admission or Enrolment Maintenance",
                    "Entretien – Admission ou inscription à un CPEP"),
            LocalizedText.of("Access training programs; maintain admissions and students; make payments; search students.",
                    "Accéder aux programmes de formation; ajouter et maintenir des admissions et des étudiants; effectuer des paiements; rechercher des étudiants.")),

    PCC_ADMISSIONS_ENROLMENTS_INSTRUCTORS_MAINTENANCE(PRIVATE_CAREER_COLLEGES, "pcc-admissions-enrolments-instructors-maintenance", FUNCTIONAL, ORGANIZATION,
            LocalizedText.of("Private Career Colleges Admissions, Enrolments and Instructors Maintenance",
                    "Entretien des admissions et des inscriptions à un CPEP"),
            LocalizedText.of("Access training programs and admissions; register, modify and view instructor applications; make payments; search instructors.",
                    "Accéder aux programmes de formation et aux admissions; enregistrer, modifier et consulter les demandes des chargés de cours; effectuer des paiements; rechercher des chargés de cours.")),

    LM_ADMINISTRATOR(LEARNER_MANAGEMENT, "lm-administrator", ADMINISTRATIVE, OPERATIONS_SUPPORT_ONLY,
            LocalizedText.of("Learner Management Administrator",
                    "Administrateur, Gestion de l’apprenant"),
            LocalizedText.of("Keep the organization’s user access current; add and update the organization’s contacts; assign the Learner Management Manager and Read only profiles.",
                    "Veiller à ce que l’accès des utilisateurs soit toujours à jour; ajouter ou mettre à jour les personnes-ressources de l’organisme; assigner les rôles Gestionnaire et Lecture seulement de la Gestion de l’apprenant.")),

    LM_MANAGER(LEARNER_MANAGEMENT, "lm-manager", FUNCTIONAL, ORGANIZATION,
            LocalizedText.of("Learner Management Manager",
                    "Gestionnaire en Gestion de l’apprenant"),
            LocalizedText.of("Access all learner cases; add and update persons; enrol learners in services, without changing a service’s information, status or dates.",
                    "Accéder à tous les cas de la Gestion de l’apprenant; ajouter ou mettre à jour des personnes; inscrire des apprenants à un service, sans modifier les renseignements, l’état ou les dates d’un service.")),

    LM_READ_ONLY(LEARNER_MANAGEMENT, "lm-read-only", FUNCTIONAL, ORGANIZATION,
            LocalizedText.of("Learner Management Read only",
                    "Gestion de l’apprenant, Lecture seulement"),
            LocalizedText.of("Read all learner management information and the organization’s persons.",
                    "Lire tous les renseignements de la Gestion de l’apprenant et ceux sur les personnes de l’organisme."));

    /** Administrative profiles manage other people's access; functional ones only do the work. */
    public enum Kind { ADMINISTRATIVE, FUNCTIONAL }

    /** Who may give the profile: the organization's own administrators, or Operations Support alone. */
    public enum Grantor { ORGANIZATION, OPERATIONS_SUPPORT_ONLY }

    private final Module module;
    private final String roleName;
    private final Kind kind;
    private final Grantor grantor;
    private final LocalizedText label;
    private final LocalizedText description;

    SecurityProfile(Module module, String roleName, Kind kind, Grantor grantor,
                    LocalizedText label, LocalizedText description) {
        this.module = module;
        this.roleName = roleName;
        this.kind = kind;
        this.grantor = grantor;
        this.label = label;
        this.description = description;
    }

    public Module module() {
        return module;
    }

    /** The Keycloak client role name. */
    public String roleName() {
        return roleName;
    }

    public boolean isAdministrative() {
        return kind == ADMINISTRATIVE;
    }

    /**
     * The guide's "Seul le Soutien aux opérations du LaMPSS peut assigner" profiles (SR, ECM and LM
     * administrators), the PCC administrator (given by Operations Support when it grants a college
     * access) and Self-Service with Full Update (see {@link DelegationPolicy} for why).
     */
    public boolean grantedOnlyByOperationsSupport() {
        return grantor == OPERATIONS_SUPPORT_ONLY;
    }

    public LocalizedText label() {
        return label;
    }

    public String labelEn() {
        return label.en();
    }

    public String labelFr() {
        return label.fr();
    }

    public LocalizedText description() {
        return description;
    }

    public String descriptionEn() {
        return description.en();
    }

    public String descriptionFr() {
        return description.fr();
    }

    /** Every profile of a module, in the guide's order. */
    public static Set<SecurityProfile> of(Module module) {
        return Arrays.stream(values())
                .filter(profile -> profile.module == module)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SecurityProfile.class)));
    }

    /**
     * The profile with this role name. Role names are matched exactly: they are identifiers shared
     * with Keycloak and the department applications, so a near miss is an error, not a match.
     *
     * @throws DomainException {@link Reason#UNKNOWN_PROFILE}, naming the accepted role names
     */
    /** The profiles with these role names. */
    public static Set<SecurityProfile> fromRoleNames(java.util.Collection<String> roleNames) {
        Set<SecurityProfile> profiles = java.util.EnumSet.noneOf(SecurityProfile.class);
        roleNames.forEach(name -> profiles.add(fromRoleName(name)));
        return profiles;
    }

    public static SecurityProfile fromRoleName(String roleName) {
        return Arrays.stream(values())
                .filter(profile -> profile.roleName.equals(roleName))
                .findFirst()
                .orElseThrow(() -> new DomainException(Reason.UNKNOWN_PROFILE, "profiles",
                        "Unknown security profile '" + roleName + "'; accepted values: " + acceptedRoleNames()));
    }

    static String acceptedRoleNames() {
        return Arrays.stream(values()).map(SecurityProfile::roleName).collect(Collectors.joining(", "));
    }
}

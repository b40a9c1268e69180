package ca.novascotia.lampss.adminconsole;

import ca.novascotia.lampss.domain.AccessNotice;
import ca.novascotia.lampss.domain.Interval;
import ca.novascotia.lampss.domain.Invitation;
import ca.novascotia.lampss.domain.OverdueAction;
import ca.novascotia.lampss.domain.Recertification;
import ca.novascotia.lampss.invitation.link.InvitationActionTokenHandler;
import ca.novascotia.lampss.invitation.Invitations;
import ca.novascotia.lampss.invitation.mail.InvitationEmails;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProviderFactory;
import org.keycloak.theme.Theme;

/**
 * The "LaMPSS" tab of Realm settings in Keycloak's admin console (feature {@code declarative-ui}):
 * an identity admin sets the realm's invitation lifetime, the My NS Account alias, the page an
 * accepted invitation lands on, whom to ask about an email, and access over time: recertification
 * campaigns, reminders and notices (docs/recertification.md).
 *
 * <p>Keycloak stores the form as a component of the realm. On save we refuse a bad value (the
 * console shows the message, nothing is saved) and copy the values into the realm attributes the
 * invitation code reads, so the attributes stay the one place these settings live: the realm JSON,
 * the applier and the admin REST API keep working unchanged, and no reader has to look for a
 * component.
 */
public class InvitationSettingsTab implements UiTabProviderFactory<ComponentModel> {

    public static final String ID = "lampss-settings";

    /** A field of the tab: its config key (also its label's message key) and the realm attribute it sets. */
    enum Field {
        LIFETIME("lampssInvitationLifetime", Invitations.LIFETIME_ATTRIBUTE, "P30D"),
        IDENTITY_PROVIDER("lampssIdentityProvider", Invitations.IDP_ATTRIBUTE, Invitations.DEFAULT_IDP),
        LANDING_URL("lampssInvitationLandingUrl", InvitationActionTokenHandler.LANDING_ATTRIBUTE, null),
        EMAIL_HELP("lampssEmailHelp", InvitationEmails.HELP_ATTRIBUTE, null),
        RECERTIFICATION_PERIOD("lampssRecertificationPeriod", Recertification.PERIOD, null),
        RECERTIFICATION_OPEN_FOR("lampssRecertificationOpenFor", Recertification.OPEN_FOR, Recertification.DEFAULT_OPEN_FOR),
        RECERTIFICATION_OVERDUE("lampssRecertificationOverdue", Recertification.OVERDUE, OverdueAction.FLAG.name()),
        RECERTIFICATION_REMINDERS("lampssRecertificationReminders", Recertification.REMINDERS, Recertification.DEFAULT_REMINDERS),
        INVITATION_REMINDERS("lampssInvitationReminders", Recertification.INVITATION_REMINDERS, Recertification.DEFAULT_REMINDERS),
        ACCESS_CHANGE_NOTICES("lampssAccessChangeNotices", AccessNotice.SETTING, "true");

        final String key;
        final String attribute;
        final String defaultValue;

        Field(String key, String attribute, String defaultValue) {
            this.key = key;
            this.attribute = attribute;
            this.defaultValue = defaultValue;
        }

        /** What was typed, trimmed; blank means "the default". */
        String in(ComponentModel model) {
            String value = model.get(key);
            return value == null ? "" : value.strip();
        }
    }

    @Override
    public String getId() {
        return ID;
    }

    /** A tab of Realm settings, at {@code #/<realm>/realm-settings/lampss}. */
    @Override
    public String getPath() {
        return "/:realm/realm-settings/:tab";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", "lampss");
    }

    @Override
    public String getHelpText() {
        return "lampssSettingsHelp";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        for (Field field : Field.values()) {
            builder.property().name(field.key).label(field.key).helpText(field.key + "Help")
                    .type(ProviderConfigProperty.STRING_TYPE).defaultValue(field.defaultValue).add();
        }
        return builder.build();
    }

    /** Runs before Keycloak stores anything: a refusal here saves neither the component nor an attribute. */
    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        String lifetime = Field.LIFETIME.in(model);
        if (!lifetime.isEmpty() && Invitation.acceptableLifetime(lifetime).isEmpty()) {
            throw refusal(session, "lampssInvalidInvitationLifetime", lifetime);
        }
        String alias = Field.IDENTITY_PROVIDER.in(model);
        if (!alias.isEmpty() && session.identityProviders().getByAlias(alias) == null) {
            throw refusal(session, "lampssUnknownIdentityProvider", alias);
        }
        String landing = Field.LANDING_URL.in(model);
        if (!landing.isEmpty() && !Invitation.acceptableLandingUrl(landing)) {
            throw refusal(session, "lampssInvalidInvitationLandingUrl", landing);
        }
        String help = Field.EMAIL_HELP.in(model);
        if (!Invitation.acceptableEmailHelp(help)) {
            throw refusal(session, "lampssInvalidEmailHelp", help);
        }
        validateAccessOverTime(session, model);
    }

    /** Recertification and reminders: each value the domain reads, or blank for its default. */
    private static void validateAccessOverTime(KeycloakSession session, ComponentModel model) {
        String period = Field.RECERTIFICATION_PERIOD.in(model);
        if (!Recertification.acceptablePeriod(period)) {
            throw refusal(session, "lampssInvalidRecertificationPeriod", period);
        }
        String openFor = Field.RECERTIFICATION_OPEN_FOR.in(model);
        if (!openFor.isEmpty() && Interval.parse(openFor).isEmpty()) {
            throw refusal(session, "lampssInvalidRecertificationOpenFor", openFor);
        }
        String overdue = Field.RECERTIFICATION_OVERDUE.in(model);
        if (!overdue.isEmpty() && Recertification.overdue(overdue).isEmpty()) {
            throw refusal(session, "lampssInvalidRecertificationOverdue", overdue);
        }
        for (Field reminders : new Field[] {Field.RECERTIFICATION_REMINDERS, Field.INVITATION_REMINDERS}) {
            String value = reminders.in(model);
            if (!value.isEmpty() && Recertification.reminders(value).isEmpty()) {
                throw refusal(session, "lampssInvalidReminders", value);
            }
        }
        String notices = Field.ACCESS_CHANGE_NOTICES.in(model);
        if (!notices.isEmpty() && !notices.equalsIgnoreCase("true") && !notices.equalsIgnoreCase("false")) {
            throw refusal(session, "lampssInvalidAccessChangeNotices", notices);
        }
    }

    /**
     * A refusal in the admin's language. Keycloak would localise the message key itself, but from the
     * access token's locale claim, which the admin console's token does not carry in 26.5.6 (a French
     * admin read English), so we use the language Keycloak resolves for the signed-in admin, as the
     * console itself does.
     */
    private static ComponentValidationException refusal(KeycloakSession session, String key, String value) {
        UserModel admin = session.getContext().getUser();
        if (admin == null) {
            return new ComponentValidationException(key, value);
        }
        try {
            Locale locale = session.getContext().resolveLocale(admin);
            Properties messages = session.theme().getTheme(Theme.Type.ADMIN).getMessages(locale);
            String text = new MessageFormat(messages.getProperty(key, key), locale).format(new Object[] {value});
            // Keycloak formats the message once more: quote what MessageFormat would read as syntax.
            return new ComponentValidationException(text.replace("'", "''").replace("{", "'{'"));
        } catch (IOException e) {
            return new ComponentValidationException(key, value);
        }
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        copyToRealm(realm, model);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        copyToRealm(realm, newModel);
    }

    /** A blank field removes the attribute, so the provider's default applies. */
    private static void copyToRealm(RealmModel realm, ComponentModel model) {
        for (Field field : Field.values()) {
            String value = field.in(model);
            if (value.isEmpty()) {
                realm.removeAttribute(field.attribute);
            } else {
                realm.setAttribute(field.attribute, value);
            }
        }
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}

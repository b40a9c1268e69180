package ca.novascotia.lampss.invitation.link;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.authentication.actiontoken.DefaultActionToken;

/**
 * The signed token in an invitation email: who was invited and which stored invitation it stands
 * for. The signature makes it tamper-proof; the stored invitation makes it revocable and replaceable.
 */
public class InvitationActionToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = "lampss-invitation";

    /** Where the person lands once signed in, until the delegated console exists. */
    static final String LANDING_CLIENT = "account-console";

    @JsonProperty("inv")
    private String invitationId;

    public InvitationActionToken(String userId, int absoluteExpirationInSecs, String invitationId) {
        super(userId, TOKEN_TYPE, absoluteExpirationInSecs, null);
        this.invitationId = invitationId;
        this.issuedFor = LANDING_CLIENT;
    }

    private InvitationActionToken() {
    }

    public String getInvitationId() {
        return invitationId;
    }
}

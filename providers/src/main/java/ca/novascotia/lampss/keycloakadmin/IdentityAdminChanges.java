package ca.novascotia.lampss.keycloakadmin;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.contacts.NotFound;
import ca.novascotia.lampss.domain.DomainException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleContainerModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;
import org.keycloak.services.ErrorResponseException;

/**
 * The one seam between Keycloak's admin console (and admin REST API) and LaMPSS's records: every
 * change an identity admin makes to a LaMPSS realm's organizations, profiles or contacts is either
 * adopted through the use-case layer or refused, inside the admin's own transaction. The outcomes
 * are the table of docs/identity-admins.md. Keycloak's own precedent is its organizations feature,
 * which reacts to group events the same way.
 */
public final class IdentityAdminChanges implements ProviderEventListener {

    private final Supplier<LampssSettings> settings;

    public IdentityAdminChanges(Supplier<LampssSettings> settings) {
        this.settings = settings;
    }

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof GroupModel.GroupMemberJoinEvent joined) {
            on(joined.getKeycloakSession(), joined.getRealm(), change -> {
                switch (change.groups.kind(joined.getGroup())) {
                    case ORGANIZATION -> new MembershipChanges(change).joined(joined.getGroup(), joined.getUser());
                    case PROFILE -> new MembershipChanges(change).joinedProfile(joined.getGroup(), joined.getUser());
                    default -> { }
                }
            });
        } else if (event instanceof GroupModel.GroupMemberLeaveEvent left) {
            on(left.getKeycloakSession(), left.getRealm(), change -> {
                switch (change.groups.kind(left.getGroup())) {
                    case ORGANIZATION -> new MembershipChanges(change).left(left.getGroup(), left.getUser());
                    case PROFILE -> new MembershipChanges(change).leftProfile(left.getGroup(), left.getUser());
                    default -> { }
                }
            });
        } else if (event instanceof UserModel.UserPreRemovedEvent removing) {
            on(removing.getKeycloakSession(), removing.getRealm(), change -> new MembershipChanges(change).removing(removing.getUser()));
        } else if (event instanceof GroupModel.GroupRemovedEvent removed) {
            on(removed.getKeycloakSession(), removed.getRealm(), change -> new StructureChanges(change).groupRemoved(removed.getGroup()));
        } else if (event instanceof GroupModel.GroupPathChangeEvent moved) {
            on(moved.getKeycloakSession(), moved.getRealm(),
                    change -> new StructureChanges(change).groupPathChanged(moved.getPreviousPath(), moved.getNewPath()));
        } else if (event instanceof GroupModel.GroupCreatedEvent created) {
            on(created.getKeycloakSession(), created.getRealm(), change -> new StructureChanges(change).groupCreated(created.getGroup()));
        } else if (event instanceof GroupModel.GroupUpdatedEvent updated) {
            on(updated.getKeycloakSession(), updated.getRealm(), change -> new StructureChanges(change).groupUpdated(updated.getGroup()));
        } else if (event instanceof RoleModel.RoleGrantedEvent granted) {
            on(granted.getKeycloakSession(), granted.getRealm(), change -> new StructureChanges(change).roleGranted(granted.getRole()));
        } else if (event instanceof RoleModel.RoleNameChangeEvent renamed) {
            on(renamed.getKeycloakSession(), renamed.getRealm(),
                    change -> new StructureChanges(change).roleRenamedOrRemoved(null, renamed.getClientId()));
        } else if (event instanceof RoleContainerModel.RoleRemovedEvent removedRole) {
            on(removedRole.getKeycloakSession(), realmOf(removedRole.getRole()),
                    change -> new StructureChanges(change).roleRenamedOrRemoved(removedRole.getRole(), null));
        } else if (event instanceof ClientModel.ClientRemovedEvent removedClient) {
            on(removedClient.getKeycloakSession(), removedClient.getClient().getRealm(),
                    change -> new StructureChanges(change).clientRemovedOrRenamed(removedClient.getClient(), null));
        } else if (event instanceof ClientModel.ClientIdChangeEvent renamedClient) {
            on(renamedClient.getKeycloakSession(), renamedClient.getUpdatedClient().getRealm(),
                    change -> new StructureChanges(change).clientRemovedOrRenamed(null, renamedClient.getPreviousClientId()));
        }
    }

    /** Runs the handler for an admin's change of a LaMPSS realm; any refusal fails and rolls back the admin's request. */
    private void on(KeycloakSession session, RealmModel realm, Consumer<AdminChange> handler) {
        Optional<AdminChange> change = AdminChange.of(session, realm, settings.get());
        if (change.isEmpty()) {
            return;
        }
        try {
            handler.accept(change.get());
        } catch (ErrorResponseException refusal) {
            throw Refusal.rollingBack(session, refusal);
        } catch (DomainException refusal) {
            throw Refusal.rollingBack(session, Refusal.from(refusal.reason().name()));
        } catch (NotFound missing) {
            throw Refusal.rollingBack(session, Refusal.from(missing.code()));
        }
    }

    private static RealmModel realmOf(RoleModel role) {
        if (role.getContainer() instanceof RealmModel realm) {
            return realm;
        }
        return role.getContainer() instanceof ClientModel client ? client.getRealm() : null;
    }
}

package ca.novascotia.lampss.store;

import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Adds our tables to Keycloak's database; Keycloak runs the changelog at start-up. */
public class LampssEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/lampss/changelog-master.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(MembershipEntity.class, AuditEntryEntity.class, InvitationEntity.class,
                OnboardingJobEntity.class, OnboardingRowEntity.class,
                AccessRequestEntity.class, CampaignEntity.class, CampaignReviewEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return LampssEntityProviderFactory.ID;
    }

    @Override
    public void close() {
    }
}

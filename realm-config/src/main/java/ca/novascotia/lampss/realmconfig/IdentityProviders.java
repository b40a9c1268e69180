package ca.novascotia.lampss.realmconfig;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Identity providers and their mappers: reported after the partial import (mappers added when it skipped them), updated in update mode. */
final class IdentityProviders extends RealmPart {

    IdentityProviders(RealmPart realm) {
        super(realm);
    }

    void identityProviders(Map<String, String> results) {
        List<IdentityProviderRepresentation> idps = list(rep.getIdentityProviders());
        JsonNode fileIdps = json.path("identityProviders");
        for (int i = 0; i < idps.size(); i++) {
            IdentityProviderRepresentation idp = idps.get(i);
            String alias = idp.getAlias();
            String what = "identity provider " + alias;
            if ("ADDED".equals(results.get("IDP|" + alias))) {
                log.added(name, what);
                continue;
            }
            var resource = realm.identityProviders().get(alias);
            JsonNode file = fileIdps.path(i);
            inPlace.apply(what, () -> desired(idp, file, "internalId", "alias"),
                    () -> JsonTrees.toTree(call("read " + what, resource::toRepresentation)),
                    IdentityProviderRepresentation.class, resource::update);
        }

        List<IdentityProviderMapperRepresentation> mappers = list(rep.getIdentityProviderMappers());
        JsonNode fileMappers = json.path("identityProviderMappers");
        Map<String, List<IdentityProviderMapperRepresentation>> currentByAlias = new HashMap<>();
        for (int i = 0; i < mappers.size(); i++) {
            IdentityProviderMapperRepresentation mapper = mappers.get(i);
            String alias = mapper.getIdentityProviderAlias();
            String what = "identity provider mapper " + alias + "/" + mapper.getName();
            if ("ADDED".equals(results.get("IDP_MAPPER|" + mapper.getName()))) {
                log.added(name, what);
                continue;
            }
            var resource = realm.identityProviders().get(alias);
            List<IdentityProviderMapperRepresentation> current = currentByAlias.computeIfAbsent(alias,
                    a -> call("list mappers of identity provider " + a, resource::getMappers));
            IdentityProviderMapperRepresentation have = current.stream()
                    .filter(m -> mapper.getName().equals(m.getName())).findFirst().orElse(null);
            if (have == null) {
                // not there (e.g. the partial import skipped it for a same-named mapper of another provider)
                IdentityProviderMapperRepresentation create = JsonTrees.fromTree(JsonTrees.toTree(mapper),
                        IdentityProviderMapperRepresentation.class);
                create.setId(null);
                add(what, "add " + what, () -> resource.addMapper(create));
                continue;
            }
            JsonNode file = fileMappers.path(i);
            inPlace.apply(what, () -> desired(mapper, file, "id", "name", "identityProviderAlias"),
                    () -> JsonTrees.toTree(have), IdentityProviderMapperRepresentation.class,
                    merged -> resource.update(have.getId(), merged));
        }
    }
}

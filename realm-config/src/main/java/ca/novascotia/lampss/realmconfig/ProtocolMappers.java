package ca.novascotia.lampss.realmconfig;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.admin.client.resource.ProtocolMappersResource;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Protocol mappers of clients and client scopes (added; updated in update mode). */
final class ProtocolMappers extends RealmPart {

    ProtocolMappers(RealmPart realm) {
        super(realm);
    }

    void apply(String owner, ProtocolMappersResource resource, List<ProtocolMapperRepresentation> wanted,
               JsonNode fileMappers) {
        if (wanted == null || wanted.isEmpty()) {
            return;
        }
        Map<String, ProtocolMapperRepresentation> have = call("list protocol mappers of " + owner, resource::getMappers)
                .stream().collect(Collectors.toMap(ProtocolMapperRepresentation::getName, m -> m, (a, b) -> a));
        for (int i = 0; i < wanted.size(); i++) {
            ProtocolMapperRepresentation mapper = wanted.get(i);
            String what = "protocol mapper '" + mapper.getName() + "' of " + owner;
            ProtocolMapperRepresentation existing = have.get(mapper.getName());
            if (existing == null) {
                mapper.setId(null);
                add(what, "add " + what, () -> resource.createMapper(mapper));
                continue;
            }
            JsonNode file = fileMappers.path(i);
            inPlace.apply(what, () -> desired(mapper, file, "id", "name"), () -> JsonTrees.toTree(existing),
                    ProtocolMapperRepresentation.class, merged -> resource.update(existing.getId(), merged));
        }
    }
}

package ca.novascotia.lampss.realmconfig;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationExecutionRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates a missing authentication flow as the file describes it: the flow, its executions (with
 * requirement and priority), its sub-flows, and the authenticator configs the executions name.
 */
final class FlowCreator {

    private final AuthenticationManagementResource flows;
    private final Map<String, AuthenticationFlowRepresentation> fileFlows = new HashMap<>();
    private final Map<String, AuthenticatorConfigRepresentation> fileConfigs = new HashMap<>();

    FlowCreator(AuthenticationManagementResource flows, List<AuthenticationFlowRepresentation> flowsInFile,
                List<AuthenticatorConfigRepresentation> configsInFile) {
        this.flows = flows;
        if (flowsInFile != null) {
            flowsInFile.forEach(f -> fileFlows.put(f.getAlias(), f));
        }
        if (configsInFile != null) {
            configsInFile.forEach(c -> fileConfigs.put(c.getAlias(), c));
        }
    }

    private int executionsCreated;
    private final List<String> notes = new ArrayList<>();

    /** Things worth telling the operator about the last {@link #create}. */
    List<String> notes() {
        return notes;
    }

    /** Creates {@code flow} and everything under it; returns the number of executions created. */
    int create(AuthenticationFlowRepresentation flow) {
        executionsCreated = 0;
        notes.clear();
        createFlow(flow, true);
        return executionsCreated;
    }

    private String createFlow(AuthenticationFlowRepresentation flow, boolean topLevel) {
        AuthenticationFlowRepresentation create = new AuthenticationFlowRepresentation();
        create.setAlias(flow.getAlias());
        create.setDescription(flow.getDescription() == null ? "" : flow.getDescription());
        create.setProviderId(flow.getProviderId() == null ? "basic-flow" : flow.getProviderId());
        create.setTopLevel(topLevel);
        create.setBuiltIn(false);
        String flowId;
        try (Response response = flows.createFlow(create)) {
            flowId = ApplyException.createdId(response,
                    "create authentication " + (topLevel ? "flow" : "sub-flow") + " '" + flow.getAlias() + "'");
        }
        addExecutions(flow, flowId);
        return flowId;
    }

    private String createSubFlow(String alias) {
        AuthenticationFlowRepresentation sub = fileFlows.get(alias);
        if (sub == null) {
            throw new ApplyException("authentication flow '" + alias + "' is used as a sub-flow but is not in the file");
        }
        return createFlow(sub, false);
    }

    private void addExecutions(AuthenticationFlowRepresentation flow, String flowId) {
        List<AuthenticationExecutionExportRepresentation> executions =
                flow.getAuthenticationExecutions() == null ? List.of() : new ArrayList<>(flow.getAuthenticationExecutions());
        executions.sort(Comparator.comparing(e -> e.getPriority() == null ? Integer.MAX_VALUE : e.getPriority()));
        for (AuthenticationExecutionExportRepresentation e : executions) {
            AuthenticationExecutionRepresentation add = new AuthenticationExecutionRepresentation();
            add.setParentFlow(flowId);
            add.setRequirement(e.getRequirement() == null ? "DISABLED" : e.getRequirement());
            add.setPriority(e.getPriority());
            add.setAuthenticatorFlow(e.isAuthenticatorFlow());
            add.setAuthenticator(e.getAuthenticator());
            String label;
            if (e.isAuthenticatorFlow()) {
                add.setFlowId(createSubFlow(e.getFlowAlias()));
                label = "sub-flow '" + e.getFlowAlias() + "'";
            } else {
                label = "execution '" + e.getAuthenticator() + "'";
            }
            String what = "add " + label + " to authentication flow '" + flow.getAlias() + "'";
            String executionId;
            try (Response response = flows.addExecution(add)) {
                executionId = ApplyException.createdId(response, what);
            }
            executionsCreated++;
            if (e.getAuthenticatorConfig() != null) {
                attachConfig(flow, e, add, executionId);
            }
        }
    }

    private void attachConfig(AuthenticationFlowRepresentation flow, AuthenticationExecutionExportRepresentation e,
                              AuthenticationExecutionRepresentation added, String executionId) {
        String alias = e.getAuthenticatorConfig();
        AuthenticatorConfigRepresentation config = fileConfigs.get(alias);
        if (config == null) {
            throw new ApplyException("authentication flow '" + flow.getAlias() + "' names authenticator config '"
                    + alias + "', which is not in the file's authenticatorConfig");
        }
        AuthenticatorConfigRepresentation create = new AuthenticatorConfigRepresentation();
        create.setAlias(config.getAlias());
        create.setConfig(config.getConfig());
        try (Response response = flows.newExecutionConfig(executionId, create)) {
            if (response.getStatus() != 409) {
                ApplyException.check(response, "add authenticator config '" + alias + "'");
                return;
            }
        }
        // A config with this alias is left over in the realm (409): re-add the execution pointing at
        // it by alias, which the server resolves; it is not changed.
        try {
            flows.removeExecution(executionId);
        } catch (WebApplicationException ex) {
            throw ApplyException.from(ex, "re-link authenticator config '" + alias + "'");
        }
        added.setAuthenticatorConfig(alias);
        try (Response response = flows.addExecution(added)) {
            ApplyException.check(response, "add execution '" + e.getAuthenticator() + "' with existing authenticator config '" + alias + "'");
        }
        notes.add("authenticator config '" + alias + "' already existed in the realm; the new execution uses it as it is");
    }
}

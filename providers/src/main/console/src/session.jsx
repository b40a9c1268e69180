import { createContext, useContext } from 'react';

/** The signed-in person: auth, the API in their language, GET /me, GET /profiles and GET /modules. */
export const SessionContext = createContext(null);

export function useSession() {
  return useContext(SessionContext);
}

/**
 * What the person may do in an organization, as the server reported it in GET /me (Operations
 * Support: everything, every profile of the organization's modules). The console only hides; the
 * server decides.
 */
export function accessIn(me, profiles, organization) {
  if (!organization) {
    return { can: () => false, grantable: new Set(), transfers: false, primaryContact: false };
  }
  const membership = me.organizations.find((o) => o.id === organization.id);
  if (me.operationsSupport) {
    return {
      can: () => true,
      grantable: new Set(profiles.filter((p) => organization.modules.includes(p.module)).map((p) => p.name)),
      transfers: true,
      primaryContact: membership?.primaryContact || false,
    };
  }
  const actions = new Set(membership?.allowedActions || []);
  return {
    can: (action) => actions.has(action),
    grantable: new Set(membership?.grantableProfiles || []),
    transfers: membership?.primaryContact || false,
    primaryContact: membership?.primaryContact || false,
  };
}

/**
 * Profiles of the organization's modules, grouped by module in the server's order of modules.
 * @param allModules GET /modules
 * @param modules the codes of the organization's modules
 */
export function profilesByModule(profiles, allModules, modules) {
  return allModules.filter((m) => modules.includes(m.code))
    .map((module) => ({ module, profiles: profiles.filter((p) => p.module === module.code) }));
}

/** A module's label (GET /modules) in the console's language; the code itself if the server has no such module. */
export function moduleLabel(allModules, code, locale) {
  const module = allModules.find((m) => m.code === code);
  return module ? module.label[locale] || module.label.en : code;
}

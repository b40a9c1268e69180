import Keycloak from 'keycloak-js';

/** The client the console signs in with: public, code flow with PKCE S256 (realm-config). */
export const CLIENT_ID = 'lampss-console';

/**
 * Where the console runs, read from the <base> the server writes into the page:
 * {server}/realms/{realm}/lampss/console/. Same origin as Keycloak, so no configuration is needed.
 */
export function location() {
  const base = new URL(document.baseURI);
  const match = base.pathname.match(/^(.*)\/realms\/([^/]+)\/lampss\/console\//);
  if (!match) {
    throw new Error('The console must be served at /realms/{realm}/lampss/console/');
  }
  return {
    serverUrl: base.origin + match[1],
    realm: decodeURIComponent(match[2]),
    consoleUrl: base.origin + match[0],
    basename: match[0].replace(/\/$/, ''),
  };
}

/** Signs the person in as themselves (authorization code + PKCE) before the console shows anything. */
export async function signIn(locale) {
  const where = location();
  const keycloak = new Keycloak({ url: where.serverUrl, realm: where.realm, clientId: CLIENT_ID });
  await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false, locale });
  return {
    keycloak,
    where,
    async token() {
      try {
        await keycloak.updateToken(30);
      } catch {
        await keycloak.login();
      }
      return keycloak.token;
    },
    signOut() {
      return keycloak.logout({ redirectUri: where.consoleUrl });
    },
  };
}

/**
 * The rules of LaMPSS delegated access management, in plain Java.
 *
 * <p>Nothing here knows Keycloak: the adapters ({@code model}, {@code rest}) translate groups, roles
 * and entities into these values, ask {@link ca.novascotia.lampss.domain.DelegationPolicy} once per
 * request, and map {@link ca.novascotia.lampss.domain.Reason} codes to localized messages.
 *
 * <p>The specification is {@code DOMAIN.md} and, above it, the province's French guide
 * "Profils-sécurité pour le LaMPSS" (quoted in the Javadoc where a rule comes from it).
 */
package ca.novascotia.lampss.domain;

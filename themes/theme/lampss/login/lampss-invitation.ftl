<#import "template.ftl" as layout>
<#-- The invitation page: explains, then offers My NS Account. Opening it consumes nothing. -->
<#assign organizationName = (locale?? && locale.currentLanguageTag?starts_with("fr"))?then(lampssOrganizationNameFr, lampssOrganizationNameEn)>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("lampssInvitationTitle", organizationName)}
    <#elseif section = "form">
        <div id="lampss-invitation">
            <p id="lampss-invitation-intro">${msg("lampssInvitationIntro", organizationName)}</p>
            <p>${msg("lampssInvitationExplain")}</p>
            <a id="lampss-invitation-sign-in" class="pf-v5-c-button pf-m-primary pf-m-block" href="${lampssSignInUrl}">${msg("lampssInvitationSignIn")}</a>
        </div>
    </#if>
</@layout.registrationLayout>

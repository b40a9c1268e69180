import React from 'react';
import { useHref, useLocation, useMatch, useNavigate } from 'react-router-dom';
import {
  Masthead, MastheadBrand, MastheadContent, MastheadMain, MastheadToggle, Nav, NavItem, NavList, Page,
  PageSidebar, PageSidebarBody, PageToggleButton, SkipToContent, Toolbar,
  ToolbarContent, ToolbarGroup, ToolbarItem, Button,
} from '@patternfly/react-core';
import BarsIcon from '@patternfly/react-icons/dist/esm/icons/bars-icon';
import { useI18n } from './i18n';
import { accessIn, useSession } from './session';

const MAIN = 'lampss-main';

export function Layout({ children }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [sidebarOpen, setSidebarOpen] = React.useState(true);
  const header = (
    <Masthead>
      <MastheadToggle>
        <PageToggleButton variant="plain" aria-label={t('mainNav')} isSidebarOpen={sidebarOpen}
          onSidebarToggle={() => setSidebarOpen(!sidebarOpen)} id="lampss-nav-toggle">
          <BarsIcon />
        </PageToggleButton>
      </MastheadToggle>
      <MastheadMain>
        <MastheadBrand component="span" className="lampss-brand">{t('appName')}</MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic>
          <ToolbarContent>
            <ToolbarGroup align={{ default: 'alignRight' }} spacer={{ default: 'spacerMd' }}>
              <ToolbarItem><LanguageSwitch /></ToolbarItem>
              <ToolbarItem><span className="lampss-user" id="lampss-user">{[me.firstName, me.lastName].filter(Boolean).join(' ') || me.username}</span></ToolbarItem>
              <ToolbarItem><SignOut /></ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );
  return (
    <Page
      header={header}
      sidebar={<PageSidebar isSidebarOpen={sidebarOpen}><PageSidebarBody><Navigation /></PageSidebarBody></PageSidebar>}
      skipToContent={<SkipToContent href={`#${MAIN}`}>{t('skipToContent')}</SkipToContent>}
      mainContainerId={MAIN}
      isManagedSidebar={false}
    >
      {children}
    </Page>
  );
}

/** Switches to the other language; its name is written in that language (and marked so for screen readers). */
function LanguageSwitch() {
  const { locale, changeLocale } = useSession();
  const other = locale === 'fr' ? { code: 'en', name: 'English' } : { code: 'fr', name: 'Français' };
  return (
    <Button variant="link" isInline lang={other.code} id="lampss-lang-switch" className="lampss-masthead-link"
      onClick={() => changeLocale(other.code)}>{other.name}</Button>
  );
}

function SignOut() {
  const { t } = useI18n();
  const { auth } = useSession();
  return <Button variant="secondary" isInline={false} onClick={() => auth.signOut()} id="lampss-sign-out" className="pf-m-light">{t('signOut')}</Button>;
}

function Navigation() {
  const { t } = useI18n();
  const { me, profiles } = useSession();
  const match = useMatch('/o/:organizationId/*');
  const organizationId = match?.params.organizationId;
  const organization = organizationId
    ? me.organizations.find((o) => o.id === organizationId) || { id: organizationId, modules: [] }
    : null;
  const access = accessIn(me, profiles, organization);
  const base = organizationId ? `/o/${organizationId}` : null;
  return (
    <Nav aria-label={t('mainNav')}>
      <NavList>
        {(me.operationsSupport || me.organizations.length > 1) && <Item to="/organizations" id="nav-organizations" label={t('navOrganizations')} />}
        {me.operationsSupport && <Item to="/onboard" id="nav-onboard" label={t('navOnboard')} />}
        {base && <Item to={base} exact id="nav-home" label={t('navHome')} />}
        {base && access.can('LIST_CONTACTS') && <Item to={`${base}/contacts`} id="nav-contacts" label={t('navContacts')} />}
        {base && access.can('ADD_CONTACT') && <Item to={`${base}/invitations`} id="nav-invitations" label={t('navInvitations')} />}
        {base && access.can('VIEW_AUDIT') && <Item to={`${base}/audit`} id="nav-audit" label={t('navAudit')} />}
      </NavList>
    </Nav>
  );
}

function Item({ to, label, id, exact }) {
  const href = useHref(to);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = exact ? pathname === to || pathname === `${to}/` : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <NavItem id={id} to={href} isActive={active} onClick={(event) => {
      event.preventDefault();
      navigate(to);
    }}>{label}</NavItem>
  );
}

import React, { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { useHref, useLocation, useMatch, useNavigate } from 'react-router-dom';
import {
  Masthead, MastheadBrand, MastheadContent, MastheadMain, MastheadToggle, Nav, NavItem, NavList, Page,
  PageSidebar, PageSidebarBody, PageToggleButton, SkipToContent, Toolbar,
  ToolbarContent, ToolbarGroup, ToolbarItem, Button,
} from '@patternfly/react-core';
import BarsIcon from '@patternfly/react-icons/dist/esm/icons/bars-icon';
import { useI18n } from './i18n';
import { accessIn, useSession } from './session';
import { StatusContext } from './components';

const MAIN = 'lampss-main';
const SIDEBAR = 'lampss-sidebar';
const TOGGLE = 'lampss-nav-toggle';
/** PatternFly's xl breakpoint: below it the navigation opens over the content instead of beside it. */
const WIDE = '(min-width: 1200px)';

export function Layout({ children }) {
  const { t } = useI18n();
  const wide = useMediaQuery(WIDE);
  const [sidebarOpen, setSidebarOpen] = useState(wide);
  const overOpen = sidebarOpen && !wide;
  const closeOver = useCallback(() => {
    setSidebarOpen(false);
    document.getElementById(TOGGLE).focus();
  }, []);
  // Beside the content it starts open; over the content, closed (also when the width crosses over).
  useEffect(() => setSidebarOpen(wide), [wide]);
  useOutOfReach(sidebarOpen, overOpen);
  useCloseOnEscape(overOpen, closeOver);
  useScrollToTopOnNewScreen();
  const [announce, statusRegion] = useStatusRegion();

  const sidebar = (
    <PageSidebar isSidebarOpen={sidebarOpen} id={SIDEBAR}>
      <PageSidebarBody><Navigation onChoose={overOpen ? closeOver : undefined} /></PageSidebarBody>
    </PageSidebar>
  );
  return (
    <StatusContext.Provider value={announce}>
      <Page
        header={<Header sidebarOpen={sidebarOpen} onToggle={() => setSidebarOpen(!sidebarOpen)} />}
        sidebar={sidebar}
        skipToContent={<SkipToContent href={`#${MAIN}`} onClick={skipToMain}>{t('skipToContent')}</SkipToContent>}
        mainContainerId={MAIN}
        isManagedSidebar={false}
      >
        {children}
      </Page>
      {statusRegion}
    </StatusContext.Provider>
  );
}

function Header({ sidebarOpen, onToggle }) {
  const { t } = useI18n();
  const { me } = useSession();
  return (
    <Masthead>
      <MastheadToggle>
        <PageToggleButton variant="plain" aria-label={t('mainNav')} isSidebarOpen={sidebarOpen} aria-controls={SIDEBAR}
          onSidebarToggle={onToggle} id={TOGGLE}>
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
}

/** In-page, by script: a plain "#lampss-main" resolves against the page's <base> and loads another page. */
function skipToMain(event) {
  event.preventDefault();
  document.getElementById(MAIN).focus();
}

/**
 * The page's status region (4.1.3), outside the content so that it is never inert: present from the
 * start, so screen readers read out each message put in it; a new node per message, so that the
 * same words twice are read twice.
 */
function useStatusRegion() {
  const [status, setStatus] = useState({ text: '', count: 0 });
  const announce = useCallback((text) => setStatus((previous) => ({ text, count: previous.count + 1 })), []);
  const region = (
    <div role="status" id="lampss-status" className="pf-v5-screen-reader"><span key={status.count}>{status.text}</span></div>
  );
  return [announce, region];
}

function useMediaQuery(query) {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const change = () => setMatches(list.matches);
    list.addEventListener('change', change);
    return () => list.removeEventListener('change', change);
  }, [query]);
  return matches;
}

/**
 * Keeps Tab on what can be seen (2.4.3, 2.4.7): a closed navigation's links, and the content behind
 * a navigation open over it, are inert. A layout effect, so that a screen's heading (focused in a
 * later effect) is reachable again when the navigation closes.
 */
function useOutOfReach(sidebarOpen, overOpen) {
  useLayoutEffect(() => {
    document.getElementById(SIDEBAR).inert = !sidebarOpen;
    document.getElementById(MAIN).inert = overOpen;
  }, [sidebarOpen, overOpen]);
  useEffect(() => {
    if (overOpen) {
      document.querySelector(`#${SIDEBAR} a`)?.focus();
    }
  }, [overOpen]);
}

function useCloseOnEscape(active, close) {
  useEffect(() => {
    if (!active) {
      return undefined;
    }
    const onKey = (event) => {
      if (event.key === 'Escape') {
        close();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active, close]);
}

/** The content area scrolls by itself: a new screen starts at its top, not where the last one was left. */
function useScrollToTopOnNewScreen() {
  const { pathname } = useLocation();
  useLayoutEffect(() => {
    document.getElementById(MAIN).scrollTop = 0;
  }, [pathname]);
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

/** @param onChoose called when a link is chosen (the navigation open over the content closes) */
function Navigation({ onChoose }) {
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
        {(me.operationsSupport || me.organizations.length > 1) && <Item to="/organizations" id="nav-organizations" label={t('navOrganizations')} onChoose={onChoose} />}
        {me.operationsSupport && <Item to="/onboard" id="nav-onboard" label={t('navOnboard')} onChoose={onChoose} />}
        {me.operationsSupport && <Item to="/import" id="nav-import" label={t('navImport')} onChoose={onChoose} />}
        {me.operationsSupport && <Item to="/requests" id="nav-queue" label={t('navQueue')} onChoose={onChoose} />}
        {me.operationsSupport && <Item to="/campaigns" id="nav-campaigns" label={t('navCampaigns')} onChoose={onChoose} />}
        {base && <Item to={base} exact id="nav-home" label={t('navHome')} onChoose={onChoose} />}
        {base && access.can('LIST_CONTACTS') && <Item to={`${base}/contacts`} id="nav-contacts" label={t('navContacts')} onChoose={onChoose} />}
        {base && access.can('ADD_CONTACT') && <Item to={`${base}/invitations`} id="nav-invitations" label={t('navInvitations')} onChoose={onChoose} />}
        {base && access.can('LIST_REQUESTS') && <Item to={`${base}/requests`} id="nav-requests" label={t('navRequests')} onChoose={onChoose} />}
        {base && access.can('REVIEW_ACCESS') && <Item to={`${base}/review`} id="nav-review" label={t('navReview')} onChoose={onChoose} />}
        {base && access.can('VIEW_AUDIT') && <Item to={`${base}/audit`} id="nav-audit" label={t('navAudit')} onChoose={onChoose} />}
      </NavList>
    </Nav>
  );
}

function Item({ to, label, id, exact, onChoose }) {
  const href = useHref(to);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = exact ? pathname === to || pathname === `${to}/` : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <NavItem id={id} to={href} isActive={active} onClick={(event) => {
      event.preventDefault();
      onChoose?.();
      navigate(to);
    }}>{label}</NavItem>
  );
}

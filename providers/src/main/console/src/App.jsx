import React, { useEffect, useMemo, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Bullseye, Spinner } from '@patternfly/react-core';
import { createApi } from './api';
import { LocaleProvider, rememberLocale, translator } from './i18n';
import { SessionContext } from './session';
import { Layout } from './Layout';
import { OrganizationsPage } from './pages/OrganizationsPage';
import { OnboardPage } from './pages/OnboardPage';
import { ImportPage } from './pages/ImportPage';
import { ImportJobPage } from './pages/ImportJobPage';
import { HomePage } from './pages/HomePage';
import { ContactsPage } from './pages/ContactsPage';
import { AddContactPage } from './pages/AddContactPage';
import { ContactPage } from './pages/ContactPage';
import { InvitationsPage } from './pages/InvitationsPage';
import { AuditPage } from './pages/AuditPage';
import { OrganizationScope } from './pages/OrganizationScope';
import { RequestsPage } from './pages/RequestsPage';
import { QueuePage } from './pages/QueuePage';
import { ReviewPage } from './pages/ReviewPage';
import { CampaignsPage } from './pages/CampaignsPage';

export function App({ auth, initialLocale }) {
  const [locale, setLocale] = useState(initialLocale);
  const api = useMemo(() => createApi(auth, locale), [auth, locale]);
  const [me, setMe] = useState(null);
  const [profiles, setProfiles] = useState(null);
  const [modules, setModules] = useState(null);
  const [failure, setFailure] = useState(null);

  const reloadMe = () => api.get('/me').then(setMe);
  useEffect(() => {
    Promise.all([api.get('/me'), api.get('/profiles'), api.get('/modules')])
      .then(([who, all, allModules]) => {
        setMe(who);
        setProfiles(all);
        setModules(allModules);
      })
      .catch((error) => setFailure(error.message));
    // GET /me, /profiles and /modules once per sign-in; screens reload /me after changes that alter it
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const changeLocale = (next) => {
    rememberLocale(next);
    setLocale(next);
  };

  if (failure) {
    return <main><p role="alert">{failure}</p></main>;
  }
  if (!me || !profiles || !modules) {
    return (
      <Bullseye>
        <Spinner aria-label={translator(locale)('loading')} />
      </Bullseye>
    );
  }
  const session = { auth, api, me, profiles, modules, reloadMe, locale, changeLocale };
  return (
    <LocaleProvider locale={locale}>
      <SessionContext.Provider value={session}>
        <BrowserRouter basename={auth.where.basename}>
          <Layout>
            <Routes>
              <Route path="/" element={<Start />} />
              <Route path="/organizations" element={<OrganizationsPage />} />
              <Route path="/onboard" element={<OnboardPage />} />
              <Route path="/import" element={<ImportPage />} />
              <Route path="/import/:jobId" element={<ImportJobPage />} />
              <Route path="/requests" element={<QueuePage />} />
              <Route path="/campaigns" element={<CampaignsPage />} />
              <Route path="/o/:organizationId" element={<OrganizationScope />}>
                <Route index element={<HomePage />} />
                <Route path="contacts" element={<ContactsPage />} />
                <Route path="contacts/new" element={<AddContactPage />} />
                <Route path="contacts/:userId" element={<ContactPage />} />
                <Route path="invitations" element={<InvitationsPage />} />
                <Route path="audit" element={<AuditPage />} />
                <Route path="requests" element={<RequestsPage />} />
                <Route path="review" element={<ReviewPage />} />
              </Route>
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Layout>
        </BrowserRouter>
      </SessionContext.Provider>
    </LocaleProvider>
  );
}

/** Operations Support and people of several organizations choose one; others go to theirs. */
function Start() {
  const { me } = React.useContext(SessionContext);
  if (!me.operationsSupport && me.organizations.length === 1) {
    return <Navigate to={`/o/${me.organizations[0].id}`} replace />;
  }
  return <Navigate to="/organizations" replace />;
}

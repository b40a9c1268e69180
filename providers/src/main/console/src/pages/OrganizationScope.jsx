import React, { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { Outlet, useParams } from 'react-router-dom';
import { Bullseye, PageSection, Spinner, Alert } from '@patternfly/react-core';
import { useI18n } from '../i18n';
import { accessIn, useSession } from '../session';

const OrganizationContext = createContext(null);

/** The organization of the screens below it, with what the person may do there. */
export function useOrganization() {
  return useContext(OrganizationContext);
}

export function OrganizationScope() {
  const { organizationId } = useParams();
  const { api, me, profiles } = useSession();
  const { t } = useI18n();
  const [organization, setOrganization] = useState(null);
  const [failure, setFailure] = useState(null);

  const reload = useCallback(() => api.get(`/organizations/${encodeURIComponent(organizationId)}`)
    .then((found) => {
      setOrganization(found);
      setFailure(null);
      return found;
    })
    .catch(setFailure), [api, organizationId]);

  // Another organization shows the spinner (see below); the same one, reloaded in another language,
  // stays on screen, so that its screens keep their state and the focus.
  useEffect(() => {
    reload();
  }, [reload]);

  if (failure) {
    return <PageSection><Alert variant="danger" isInline title={t('errorTitle')}>{failure.message}</Alert></PageSection>;
  }
  if (!organization || organization.id !== organizationId) {
    return <Bullseye><Spinner aria-label={t('loading')} /></Bullseye>;
  }
  const access = accessIn(me, profiles, organization);
  return (
    <OrganizationContext.Provider value={{ organization, access, reload, setOrganization }}>
      <Outlet />
    </OrganizationContext.Provider>
  );
}

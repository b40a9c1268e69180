import React, { useEffect, useState } from 'react';
import {
  ActionGroup, Button, Form, PageSection, Text, TextContent, Title, Toolbar, ToolbarContent, ToolbarItem,
} from '@patternfly/react-core';
import { query } from '../api';
import { personName, useI18n } from '../i18n';
import { useSession } from '../session';
import { usePagedList, useSubmit } from '../hooks';
import {
  ErrorAlert, Field, PageTitle, Paging, SelectField, StateFilter, StatusAlert, missingFields,
} from '../components';
import {
  REQUEST_STATES, RequestsTable, requestableProfiles, useProfileLabel,
} from '../requests';
import { useOrganization } from './OrganizationScope';

const REASON_MAX = 500;
/** The form's fields, named as the API names them, so that a refusal about one shows next to it. */
const FIELDS = ['userId', 'profile', 'reason'];
const EMPTY = { userId: '', profile: '', reason: '' };

/**
 * The organization's requests for the profiles only Operations Support gives: the form to ask for
 * one for a contact, and the requests asked so far (newest first), filtered by state.
 */
export function RequestsPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const { organization, access } = useOrganization();
  const [state, setState] = useState('');
  const allowed = access.can('LIST_REQUESTS');
  const {
    page, setPage, firstPage, result, error, reload,
  } = usePagedList(api, ({ first, max }) => `/organizations/${organization.id}/requests${query({ state, first, max })}`, allowed);

  if (!allowed) {
    return <PageTitle title={t('notAllowed')} />;
  }
  return (
    <>
      <PageTitle title={t('requestsTitle')} intro={t('requestsIntro')} />
      <AskForm onAsked={reload} />
      <PageSection>
        <Title headingLevel="h2" size="lg" id="requests-list-title">{t('requestsListTitle')}</Title>
        <ErrorAlert error={error && { ...error, field: null }} />
        <Toolbar id="requests-toolbar">
          <ToolbarContent>
            <ToolbarItem>
              <StateFilter id="requests-state" value={state} states={REQUEST_STATES} stateLabel={(s) => t(`request${s}`)}
                onChange={(next) => { setState(next); firstPage(); }} />
            </ToolbarItem>
            {result && (
              <ToolbarItem variant="pagination" align={{ default: 'alignRight' }} alignSelf="center">
                <Paging id="requests-paging" label={t('requestsListTitle')} total={result.total} first={page.first} max={page.max}
                  onChange={(first, max) => setPage({ first, max })} />
              </ToolbarItem>
            )}
          </ToolbarContent>
        </Toolbar>
        {result && <RequestsTable id="requests-table" label={t('requestsListTitle')} caption={t('requestsCaption')} items={result.items} />}
      </PageSection>
    </>
  );
}

/** Every active contact of the organization but oneself (one cannot ask for one's own profiles), a page of 100 at a time. */
function useActiveContacts(api, organizationId, myId) {
  const [contacts, setContacts] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const found = [];
      for (let first = 0; ; first += 100) {
        // eslint-disable-next-line no-await-in-loop
        const page = await api.get(`/organizations/${organizationId}/contacts${query({ activeOnly: true, first, max: 100 })}`);
        found.push(...page.items);
        if (page.items.length < 100 || found.length >= page.total) {
          return found;
        }
      }
    })()
      .then((all) => !cancelled && setContacts(all.filter((c) => c.id !== myId && c.state === 'ACTIVE')))
      .catch((refusal) => !cancelled && setError(refusal));
    return () => {
      cancelled = true;
    };
  }, [api, organizationId, myId]);
  return { contacts, error };
}

function AskForm({ onAsked }) {
  const { t } = useI18n();
  const { api, me, profiles } = useSession();
  const { organization } = useOrganization();
  const profileLabel = useProfileLabel();
  const { contacts, error: contactsError } = useActiveContacts(api, organization.id, me.id);
  const [form, setForm] = useState(EMPTY);
  const [asked, setAsked] = useState(null);
  const { busy, error, submit: send } = useSubmit();
  const requestable = requestableProfiles(profiles, organization);
  const set = (name) => (value) => setForm({ ...form, [name]: value });

  const submit = (event) => send(event, {
    check: () => missingFields(form, [['userId', t('requestContact')], ['profile', t('requestProfile')], ['reason', t('requestReason')]], t)
      || (form.reason.trim().length > REASON_MAX ? { field: 'reason', message: t('reasonTooLong', { max: REASON_MAX }) } : null),
    work: async () => {
      const request = await api.post(`/organizations/${organization.id}/requests`, { ...form, reason: form.reason.trim() });
      setAsked(request);
      setForm(EMPTY);
      await onAsked();
    },
    failed: () => setAsked(null),
  });
  // A refusal about none of the form's fields shows above the form.
  const general = error && !error.fields && !FIELDS.includes(error.field) ? { ...error, field: null } : error;

  return (
    <PageSection>
      <Form noValidate onSubmit={submit} id="request-form" maxWidth="48rem" aria-labelledby="request-form-title">
        <Title headingLevel="h2" size="lg" id="request-form-title">{t('requestFormTitle')}</Title>
        <TextContent><Text component="p">{t('requestFormIntro')}</Text></TextContent>
        {asked && (
          <StatusAlert id="request-sent" title={t('requestSentTitle')} headingLevel="h3"
            message={t('requestSent', { profile: profileLabel(asked.profile), name: personName(asked.person) })} />
        )}
        <ErrorAlert error={general || (contactsError && { ...contactsError, field: null })} />
        <SelectField id="userId" label={t('requestContact')} isRequired value={form.userId} onChange={set('userId')} error={error}
          placeholder={contacts ? t('chooseContact') : t('loading')} isDisabled={!contacts}
          options={(contacts || []).map((c) => ({ value: c.id, label: `${c.lastName ?? ''}, ${c.firstName ?? ''} (${c.email})` }))} />
        <SelectField id="profile" label={t('requestProfile')} isRequired value={form.profile} onChange={set('profile')} error={error}
          placeholder={t('chooseProfile')} help={requestable.length ? t('requestProfileHelp') : t('noRequestableProfile')}
          isDisabled={requestable.length === 0}
          options={requestable.map((p) => ({ value: p.name, label: profileLabel(p.name) }))} />
        <Field id="reason" label={t('requestReason')} isRequired multiline value={form.reason} onChange={set('reason')} error={error}
          help={t('requestReasonHelp', { max: REASON_MAX })} />
        <ActionGroup>
          <Button type="submit" variant="primary" id="request-submit" isAriaDisabled={busy} isLoading={busy}>{t('requestSubmit')}</Button>
        </ActionGroup>
      </Form>
    </PageSection>
  );
}

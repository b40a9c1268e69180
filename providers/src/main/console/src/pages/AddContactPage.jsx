import React, { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  ActionGroup, Button, Form, FormSection, PageSection, Text,
} from '@patternfly/react-core';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import {
  ErrorAlert, Field, PageTitle, ProfilePicker, StatusAlert, missingFields,
} from '../components';
import { useSubmit } from '../hooks';
import { useOrganization } from './OrganizationScope';

const EMPTY = { lastName: '', firstName: '', email: '', invitationMessage: '', profiles: [] };

/** Add contact with LaMPSS access: names and email required, an invitation message, profiles by module. */
export function AddContactPage() {
  const { t } = useI18n();
  const { api, profiles } = useSession();
  const { organization, access } = useOrganization();
  const [contact, setContact] = useState(EMPTY);
  const [sentTo, setSentTo] = useState(null);
  const { busy, error, submit: send } = useSubmit();

  if (!access.can('ADD_CONTACT')) {
    return <PageTitle title={t('notAllowed')} />;
  }
  const contacts = `/o/${organization.id}/contacts`;
  if (sentTo) {
    return (
      <>
        <PageTitle title={t('invitationSentTitle')} />
        <PageSection>
          <StatusAlert id="invitation-sent" title={t('invitationSentTitle')} message={t('invitationSent', { email: sentTo })} />
          <ActionGroup>
            <Button component={Link} to={contacts} variant="primary" id="back-to-contacts">{t('backToContacts')}</Button>
            <Button variant="link" onClick={() => { setSentTo(null); setContact(EMPTY); }} id="add-another">{t('addAnother')}</Button>
          </ActionGroup>
        </PageSection>
      </>
    );
  }

  const submit = (event) => send(event, {
    check: () => missingFields(contact, [['lastName', t('lastName')], ['firstName', t('firstName')], ['email', t('email')]], t),
    work: async () => {
      const body = { ...contact };
      if (!body.invitationMessage) {
        delete body.invitationMessage;
      }
      const added = await api.post(`/organizations/${organization.id}/contacts`, body);
      setSentTo(added.email);
    },
  });
  const set = (name) => (value) => setContact({ ...contact, [name]: value });
  return (
    <>
      <PageTitle title={t('addContactTitle')} intro={t('addContactIntro')} />
      <PageSection>
        <ErrorAlert error={error} />
        <Form noValidate onSubmit={submit} id="add-contact-form" maxWidth="48rem">
          <Field id="lastName" label={t('lastName')} isRequired value={contact.lastName} onChange={set('lastName')} error={error} />
          <Field id="firstName" label={t('firstName')} isRequired value={contact.firstName} onChange={set('firstName')} error={error} />
          <Field id="email" label={t('email')} isRequired type="email" value={contact.email} onChange={set('email')} error={error} />
          <Field id="invitationMessage" label={t('invitationMessage')} multiline help={t('invitationMessageHelp')}
            value={contact.invitationMessage} onChange={set('invitationMessage')} error={error} />
          <FormSection title={t('profiles')} titleElement="h2">
            <Text component="p">{t('profilesHelp')}</Text>
            <ProfilePicker profiles={profiles} modules={organization.modules} selected={contact.profiles}
              onChange={set('profiles')} grantable={access.grantable} error={error} />
          </FormSection>
          <ActionGroup>
            <Button type="submit" variant="primary" id="add-contact-save" isAriaDisabled={busy} isLoading={busy}>{t('save')}</Button>
            <Button component={Link} to={contacts} variant="link" id="add-contact-cancel">{t('cancel')}</Button>
          </ActionGroup>
        </Form>
      </PageSection>
    </>
  );
}

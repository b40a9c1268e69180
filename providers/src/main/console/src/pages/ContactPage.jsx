import React, { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  ActionGroup, Bullseye, Button, Form, FormSection, Label, PageSection, Spinner, Text,
} from '@patternfly/react-core';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import {
  DescribedCheckbox, ErrorAlert, Field, PageTitle, ProfilePicker, StatusAlert, missingFields,
} from '../components';
import { useSubmit } from '../hooks';
import { useOrganization } from './OrganizationScope';

const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Contact details: names, email and profiles; "Active" (clear and save to deactivate); "Primary
 * contact" for the primary contact or Operations Support. Each part is one API call, made only when
 * it changed; the server checks each.
 */
export function ContactPage() {
  const { t } = useI18n();
  const { api, me, profiles, reloadMe } = useSession();
  const { organization, access } = useOrganization();
  const { userId } = useParams();
  const navigate = useNavigate();
  const [contact, setContact] = useState(null);
  const [form, setForm] = useState(null);
  const [saved, setSaved] = useState(false);
  const {
    busy, error, setError, submit: send,
  } = useSubmit();
  const path = `/organizations/${organization.id}/contacts/${encodeURIComponent(userId)}`;

  const load = (found) => {
    setContact(found);
    setForm({
      firstName: found.firstName ?? '', lastName: found.lastName ?? '', email: found.email ?? '',
      profiles: found.profiles, active: found.state !== 'INACTIVE', primaryContact: found.primaryContact,
      profilesSetAside: found.profilesSetAside ?? [],
    });
  };
  useEffect(() => {
    api.get(path).then(load).catch(setError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, path]);

  if (!access.can('LIST_CONTACTS')) {
    return <PageTitle title={t('notAllowed')} />;
  }
  if (!contact) {
    return error ? <PageSection><ErrorAlert error={{ ...error, field: null }} /></PageSection>
      : <Bullseye><Spinner aria-label={t('loading')} /></Bullseye>;
  }

  const managesContacts = access.can('ADD_CONTACT');
  const itsMe = contact.id === me.id;
  const set = (name) => (value) => setForm({ ...form, [name]: value });

  const save = async () => {
    try {
      let current = contact;
      const detailsChanged = form.firstName !== (contact.firstName ?? '') || form.lastName !== (contact.lastName ?? '')
        || form.email !== (contact.email ?? '');
      const profilesChanged = !sameSet(form.profiles, contact.profiles);
      const asideChanged = !sameSet(form.profilesSetAside, contact.profilesSetAside ?? []);
      if (detailsChanged || profilesChanged || asideChanged) {
        const body = { firstName: form.firstName, lastName: form.lastName, email: form.email };
        if (profilesChanged) {
          body.profiles = form.profiles;
        }
        if (asideChanged) {
          body.profilesSetAside = form.profilesSetAside;
        }
        current = await api.put(path, body);
      }
      const wasActive = contact.state !== 'INACTIVE';
      if (form.active !== wasActive) {
        current = await api.post(`${path}/${form.active ? 'reactivate' : 'deactivate'}`);
      }
      if (form.primaryContact && !contact.primaryContact) {
        await api.put(`/organizations/${organization.id}/primary-contact`, { userId: contact.id });
        current = await api.get(path);
        await reloadMe();
      }
      if (!form.active && wasActive) {
        navigate(`/o/${organization.id}/contacts`, { state: { deactivated: `${form.firstName} ${form.lastName}`.trim() } });
        return;
      }
      load(current);
      setSaved(true);
    } catch (refusal) {
      api.get(path).then(setContact).catch(() => {});
      throw refusal;
    }
  };
  const submit = (event) => {
    setSaved(false);
    return send(event, {
      check: () => managesContacts
        && missingFields(form, [['lastName', t('lastName')], ['firstName', t('firstName')], ['email', t('email')]], t),
      work: save,
    });
  };

  return (
    <>
      <PageTitle title={`${contact.firstName ?? ''} ${contact.lastName ?? ''}`} intro={t('contactTitle')}>
        <Label color={contact.state === 'ACTIVE' ? 'green' : contact.state === 'INVITED' ? 'blue' : 'grey'} id="contact-state">
          {t(`state${contact.state}`)}
        </Label>
        {contact.primaryContact && <Label color="purple" className="lampss-primary-label" id="contact-primary">{t('primaryContact')}</Label>}
      </PageTitle>
      <PageSection>
        {saved && <StatusAlert id="contact-saved" title={t('saved')} />}
        <ErrorAlert error={error} />
        <Form noValidate onSubmit={submit} id="contact-form" maxWidth="48rem">
          <Field id="lastName" label={t('lastName')} isRequired value={form.lastName} onChange={set('lastName')} error={error} isDisabled={!managesContacts} />
          <Field id="firstName" label={t('firstName')} isRequired value={form.firstName} onChange={set('firstName')} error={error} isDisabled={!managesContacts} />
          <Field id="email" label={t('email')} isRequired type="email" value={form.email} onChange={set('email')} error={error} isDisabled={!managesContacts} />
          <FormSection title={t('profiles')} titleElement="h2">
            <Text component="p">{itsMe ? t('ownProfiles') : t('profilesHelp')}</Text>
            <ProfilePicker profiles={profiles} modules={organization.modules} selected={form.profiles}
              onChange={set('profiles')} grantable={access.grantable} error={error}
              disabledAll={itsMe || contact.state === 'INACTIVE'} />
          </FormSection>
          {contact.state === 'INACTIVE' && (contact.profilesSetAside ?? []).length > 0 && (
            <FormSection title={t('profilesSetAside')} titleElement="h2">
              <Text component="p">{t('profilesSetAsideHelp')}</Text>
              <ProfilePicker field="profilesSetAside" profiles={profiles.filter((p) => contact.profilesSetAside.includes(p.name))}
                modules={organization.modules} selected={form.profilesSetAside} onChange={set('profilesSetAside')}
                grantable={access.grantable} error={error} disabledAll={itsMe} />
            </FormSection>
          )}
          {managesContacts && !itsMe && (
            <DescribedCheckbox id="contact-active" label={t('active')} isChecked={form.active}
              description={contact.primaryContact ? t('primaryContactIsThis') : t('activeHelp')}
              isDisabled={contact.primaryContact} onChange={(_, checked) => set('active')(checked)} />
          )}
          {access.transfers && (
            <DescribedCheckbox id="contact-primary-contact" label={t('primaryContact')} isChecked={form.primaryContact}
              description={contact.primaryContact ? t('primaryContactIsThis') : t('primaryContactHelp')}
              isDisabled={contact.primaryContact || contact.state !== 'ACTIVE'}
              onChange={(_, checked) => set('primaryContact')(checked)} />
          )}
          <ActionGroup>
            <Button type="submit" variant="primary" id="contact-save" isAriaDisabled={busy} isLoading={busy}>{t('save')}</Button>
            <Button component={Link} to={`/o/${organization.id}/contacts`} variant="link" id="contact-cancel">{t('backToContacts')}</Button>
          </ActionGroup>
        </Form>
      </PageSection>
    </>
  );
}

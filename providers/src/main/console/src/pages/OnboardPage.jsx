import React, { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  ActionGroup, Alert, Button, Form, FormGroup, FormSection, PageSection,
} from '@patternfly/react-core';
import { useI18n } from '../i18n';
import { moduleLabel, useSession } from '../session';
import {
  DescribedCheckbox, ErrorAlert, Field, PageTitle, missingFields,
} from '../components';
import { useSubmit } from '../hooks';

/**
 * Operations Support creates an organization with its modules and invites its primary contact (the
 * organization's first contact becomes its primary contact). If the invitation is refused, the
 * organization stays created and saving again only retries the invitation.
 */
export function OnboardPage() {
  const { t, locale } = useI18n();
  const { api, me, modules: allModules } = useSession();
  const navigate = useNavigate();
  const [organization, setOrganization] = useState({
    nameEn: '', nameFr: '', externalNumber: '', modules: allModules.filter((m) => m.alwaysEnabled).map((m) => m.code),
  });
  const [contact, setContact] = useState({ lastName: '', firstName: '', email: '', invitationMessage: '' });
  const [createdId, setCreatedId] = useState(null);
  const { busy, error, submit: send } = useSubmit();

  if (!me.operationsSupport) {
    return <PageTitle title={t('notAllowed')} />;
  }
  const setModule = (module, checked) => setOrganization({
    ...organization,
    modules: checked ? [...organization.modules, module] : organization.modules.filter((m) => m !== module),
  });

  const required = [
    ...(createdId ? [] : [['nameEn', t('nameEn')], ['nameFr', t('nameFr')], ['externalNumber', t('externalNumber')]]),
    ['lastName', t('lastName')], ['firstName', t('firstName')], ['email', t('email')],
  ];
  const submit = (event) => send(event, {
    check: () => missingFields({ ...organization, ...contact }, required, t),
    work: async () => {
      let id = createdId;
      if (!id) {
        id = (await api.post('/organizations', organization)).id;
        setCreatedId(id);
      }
      const body = { ...contact };
      if (!body.invitationMessage) {
        delete body.invitationMessage;
      }
      const added = await api.post(`/organizations/${id}/contacts`, body);
      navigate(`/o/${id}/contacts`, { state: { invited: added.email } });
    },
  });

  return (
    <>
      <PageTitle title={t('onboardTitle')} intro={t('onboardIntro')} />
      <PageSection>
        {createdId && <Alert variant="warning" isInline title={t('organizationCreatedContactFailed')} id="onboard-partial" />}
        <ErrorAlert error={error} />
        <Form noValidate onSubmit={submit} id="onboard-form" maxWidth="48rem">
          <FormSection title={t('organizationSection')} titleElement="h2">
            <Field id="nameEn" label={t('nameEn')} isRequired isDisabled={!!createdId} value={organization.nameEn}
              onChange={(v) => setOrganization({ ...organization, nameEn: v })} error={createdId ? null : error} />
            <Field id="nameFr" label={t('nameFr')} isRequired isDisabled={!!createdId} value={organization.nameFr}
              onChange={(v) => setOrganization({ ...organization, nameFr: v })} error={createdId ? null : error} />
            <Field id="externalNumber" label={t('externalNumber')} isRequired isDisabled={!!createdId} value={organization.externalNumber}
              onChange={(v) => setOrganization({ ...organization, externalNumber: v })} error={createdId ? null : error} />
            <FormGroup role="group" isStack label={t('modules')} fieldId="modules">
              {allModules.map(({ code, alwaysEnabled }) => (
                <DescribedCheckbox key={code} id={`module-${code}`} label={moduleLabel(allModules, code, locale)}
                  description={alwaysEnabled ? t('moduleAlways') : undefined}
                  isChecked={alwaysEnabled || organization.modules.includes(code)} isDisabled={alwaysEnabled || !!createdId}
                  onChange={(_, checked) => setModule(code, checked)} />
              ))}
            </FormGroup>
          </FormSection>
          <FormSection title={t('primaryContactSection')} titleElement="h2">
            <Field id="lastName" label={t('lastName')} isRequired value={contact.lastName}
              onChange={(v) => setContact({ ...contact, lastName: v })} error={error} />
            <Field id="firstName" label={t('firstName')} isRequired value={contact.firstName}
              onChange={(v) => setContact({ ...contact, firstName: v })} error={error} />
            <Field id="email" label={t('email')} isRequired type="email" value={contact.email}
              onChange={(v) => setContact({ ...contact, email: v })} error={error} />
            <Field id="invitationMessage" label={t('invitationMessage')} multiline help={t('invitationMessageHelp')}
              value={contact.invitationMessage} onChange={(v) => setContact({ ...contact, invitationMessage: v })} error={error} />
          </FormSection>
          <ActionGroup>
            <Button type="submit" variant="primary" id="onboard-submit" isAriaDisabled={busy} isLoading={busy}>{t('onboardSubmit')}</Button>
          </ActionGroup>
        </Form>
      </PageSection>
    </>
  );
}

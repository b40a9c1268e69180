import React, { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  ActionGroup, Button, DescriptionList, DescriptionListDescription, DescriptionListGroup,
  DescriptionListTerm, Form, FormGroup, PageSection, Title,
} from '@patternfly/react-core';
import {
  formatDate, organizationName, useI18n,
} from '../i18n';
import { moduleLabel, useSession } from '../session';
import {
  DescribedCheckbox, ErrorAlert, Field, PageTitle, StatusAlert, missingFields,
} from '../components';
import { useSubmit } from '../hooks';
import { CampaignState, useCampaign } from '../campaigns';
import { useOrganization } from './OrganizationScope';

/** Organization Home: its information and modules, editable by those allowed. */
export function HomePage() {
  const { t, locale } = useI18n();
  const { me, profiles, modules } = useSession();
  const { organization, access } = useOrganization();
  const mine = me.organizations.find((o) => o.id === organization.id)?.profiles || [];
  const label = (name) => profiles.find((p) => p.name === name)?.label[locale] || name;
  return (
    <>
      <PageTitle title={organizationName(organization, locale)} intro={t('homeTitle')} />
      <PageSection>
        <Title headingLevel="h2" size="lg">{t('organizationInfo')}</Title>
        <DescriptionList isHorizontal id="organization-info">
          <DescriptionListGroup>
            <DescriptionListTerm>{t('externalNumber')}</DescriptionListTerm>
            <DescriptionListDescription>{organization.externalNumber}</DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('nameEn')}</DescriptionListTerm>
            <DescriptionListDescription lang="en">{organization.nameEn}</DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('nameFr')}</DescriptionListTerm>
            <DescriptionListDescription lang="fr">{organization.nameFr}</DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('modules')}</DescriptionListTerm>
            <DescriptionListDescription>{organization.modules.map((m) => moduleLabel(modules, m, locale)).join(', ')}</DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('yourProfiles')}</DescriptionListTerm>
            <DescriptionListDescription>{mine.length ? mine.map(label).join(', ') : t('noProfiles')}</DescriptionListDescription>
          </DescriptionListGroup>
        </DescriptionList>
      </PageSection>
      <CampaignNotice />
      {access.can('UPDATE_ORGANIZATION_INFO') && <NamesForm />}
      {access.can('CHANGE_MODULES') && <ModulesForm />}
    </>
  );
}

/** The organization's latest access review, for those who may read it (others get 403, an organization without one 404: nothing shown). */
function CampaignNotice() {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const { organization } = useOrganization();
  const { campaign } = useCampaign(api, organization.id);
  if (!campaign) {
    return null;
  }
  return (
    <PageSection id="home-campaign">
      <Title headingLevel="h2" size="lg" id="home-campaign-title">{t('campaignTitle')}</Title>
      <DescriptionList isHorizontal>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('colState')}</DescriptionListTerm>
          <DescriptionListDescription><CampaignState state={campaign.state} id="home-campaign-state" /></DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('campaignDueAt')}</DescriptionListTerm>
          <DescriptionListDescription id="home-campaign-due">{formatDate(campaign.dueAt, locale)}</DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
      <Button component={Link} to={`/o/${organization.id}/review`} variant="link" isInline id="home-campaign-review">{t('goToReview')}</Button>
    </PageSection>
  );
}

function NamesForm() {
  const { t } = useI18n();
  const { api } = useSession();
  const { organization, setOrganization } = useOrganization();
  const [names, setNames] = useState({ nameEn: organization.nameEn, nameFr: organization.nameFr });
  const [saved, setSaved] = useState(false);
  const { error, submit: send } = useSubmit();
  const submit = (event) => send(event, {
    check: () => missingFields(names, [['nameEn', t('nameEn')], ['nameFr', t('nameFr')]], t),
    work: async () => {
      setOrganization(await api.put(`/organizations/${organization.id}`, names));
      setSaved(true);
    },
    failed: () => setSaved(false),
  });
  return (
    <PageSection>
      <Form noValidate onSubmit={submit} id="names-form" maxWidth="48rem" aria-labelledby="names-title">
        <Title headingLevel="h2" size="lg" id="names-title">{t('editInfo')}</Title>
        {saved && <StatusAlert id="names-saved" title={t('saved')} />}
        <ErrorAlert error={error} />
        <Field id="nameEn" label={t('nameEn')} isRequired value={names.nameEn} onChange={(v) => setNames({ ...names, nameEn: v })} error={error} />
        <Field id="nameFr" label={t('nameFr')} isRequired value={names.nameFr} onChange={(v) => setNames({ ...names, nameFr: v })} error={error} />
        <ActionGroup><Button type="submit" id="names-save">{t('save')}</Button></ActionGroup>
      </Form>
    </PageSection>
  );
}

function ModulesForm() {
  const { t, locale } = useI18n();
  const { api, modules: allModules } = useSession();
  const { organization, setOrganization } = useOrganization();
  const [modules, setModules] = useState(organization.modules);
  const [saved, setSaved] = useState(false);
  const { error, submit: send } = useSubmit();
  const submit = (event) => send(event, {
    work: async () => {
      setOrganization(await api.put(`/organizations/${organization.id}/modules`, { modules }));
      setSaved(true);
    },
    failed: () => setSaved(false),
  });
  return (
    <PageSection>
      <Form noValidate onSubmit={submit} id="modules-form" maxWidth="48rem" aria-labelledby="modules-title">
        <Title headingLevel="h2" size="lg" id="modules-title">{t('editModules')}</Title>
        {saved && <StatusAlert id="modules-saved" title={t('saved')} />}
        <ErrorAlert error={error} />
        <FormGroup role="group" isStack label={t('modules')} fieldId="home-modules">
          {allModules.map(({ code, alwaysEnabled }) => (
            <DescribedCheckbox key={code} id={`home-module-${code}`} label={moduleLabel(allModules, code, locale)}
              description={alwaysEnabled ? t('moduleAlways') : undefined}
              isChecked={alwaysEnabled || modules.includes(code)} isDisabled={alwaysEnabled}
              onChange={(_, checked) => setModules(checked ? [...modules, code] : modules.filter((m) => m !== code))} />
          ))}
        </FormGroup>
        <ActionGroup><Button type="submit" id="modules-save">{t('save')}</Button></ActionGroup>
      </Form>
    </PageSection>
  );
}

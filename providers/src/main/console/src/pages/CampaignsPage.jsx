import React, { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  Button, Form, Modal, ModalVariant, PageSection, Text, TextContent, Toolbar, ToolbarContent, ToolbarItem,
} from '@patternfly/react-core';
import { Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { query } from '../api';
import {
  endOfProvinceDay, formatDate, formatTime, organizationName, provinceDay, useI18n,
} from '../i18n';
import { useSession } from '../session';
import { usePagedList, useRefocus, useSubmit } from '../hooks';
import {
  DataTable, ErrorAlert, Field, PageTitle, Paging, StateFilter, StatusAlert, missingFields,
} from '../components';
import { CAMPAIGN_STATES, CampaignState, isOpen } from '../campaigns';

/**
 * Operations Support's overview of the recertification campaigns: each organization's latest one
 * (soonest due first), filtered by state; a due date extended, or a new campaign opened where the
 * last one is done. Each organization leads to its Review screen.
 */
export function CampaignsPage() {
  const { t, locale } = useI18n();
  const { api, me } = useSession();
  const [state, setState] = useState('');
  const {
    page, setPage, firstPage, result, error, setError, reload,
  } = usePagedList(api, ({ first, max }) => `/campaigns${query({ state, first, max })}`, me.operationsSupport);
  const [extending, setExtending] = useState(null);
  const [notice, setNotice] = useState(null);
  const refocus = useRefocus('lampss-page-title');

  if (!me.operationsSupport) {
    return <PageTitle title={t('notAllowed')} />;
  }
  const openNow = (organization) => {
    setNotice(null);
    api.post(`/organizations/${organization.id}/campaign`)
      .then(() => {
        setNotice(t('campaignOpenedFor', { name: organizationName(organization, locale) }));
        return reload();
      })
      .then(refocus)
      .catch(setError);
  };
  const extended = async (organization, campaign) => {
    setExtending(null);
    setNotice(t('campaignExtended', { name: organizationName(organization, locale), due: formatDate(campaign.dueAt, locale) }));
    await reload();
    refocus();
  };

  return (
    <>
      <PageTitle title={t('campaignsTitle')} intro={t('campaignsIntro')} />
      <PageSection>
        {notice && <StatusAlert id="campaigns-notice" title={notice} headingLevel="h2" />}
        <ErrorAlert error={error && { ...error, field: null }} />
        <Toolbar id="campaigns-toolbar">
          <ToolbarContent>
            <ToolbarItem>
              <StateFilter id="campaigns-state" value={state} states={CAMPAIGN_STATES} stateLabel={(s) => t(`campaign${s}`)}
                onChange={(next) => { setState(next); firstPage(); }} />
            </ToolbarItem>
            {result && (
              <ToolbarItem variant="pagination" align={{ default: 'alignRight' }} alignSelf="center">
                <Paging id="campaigns-paging" label={t('campaignsTitle')} total={result.total} first={page.first} max={page.max}
                  onChange={(first, max) => setPage({ first, max })} />
              </ToolbarItem>
            )}
          </ToolbarContent>
        </Toolbar>
        {result && (
          <DataTable id="campaigns-table" label={t('campaignsTitle')} caption={t('campaignsCaption')}>
            <Thead>
              <Tr>
                <Th>{t('colNumber')}</Th><Th>{t('colName')}</Th><Th>{t('colState')}</Th><Th>{t('campaignOpenedAt')}</Th>
                <Th>{t('campaignDueAt')}</Th><Th>{t('colReviewed')}</Th><Th>{t('count_pending')}</Th><Th>{t('colActions')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {result.items.length === 0 && <Tr><Td colSpan={8}>{t('noCampaigns')}</Td></Tr>}
              {result.items.map(({ organization, campaign }) => {
                const name = organizationName(organization, locale);
                const counts = campaign.counts || {};
                return (
                  <Tr key={campaign.id} data-organization-number={organization.externalNumber} data-state={campaign.state}>
                    <Td dataLabel={t('colNumber')}>{organization.externalNumber}</Td>
                    <Td dataLabel={t('colName')}><Link to={`/o/${organization.id}/review`} className="campaign-review-link">{name}</Link></Td>
                    <Td dataLabel={t('colState')}><CampaignState state={campaign.state} /></Td>
                    <Td dataLabel={t('campaignOpenedAt')}>{formatTime(campaign.openedAt, locale)}</Td>
                    <Td dataLabel={t('campaignDueAt')} className="campaign-due">{formatDate(campaign.dueAt, locale)}</Td>
                    <Td dataLabel={t('colReviewed')}>{t('ofTotal', { done: (counts.total ?? 0) - (counts.pending ?? 0), total: counts.total ?? 0 })}</Td>
                    <Td dataLabel={t('count_pending')}>{counts.pending ?? 0}</Td>
                    <Td dataLabel={t('colActions')}>
                      {isOpen(campaign) ? (
                        <Button variant="secondary" size="sm" className="campaign-extend" aria-label={`${t('extendDueDate')} – ${name}`}
                          onClick={() => { setNotice(null); setExtending({ organization, campaign }); }}>{t('extendDueDate')}</Button>
                      ) : (
                        <Button variant="secondary" size="sm" className="campaign-open" aria-label={`${t('openCampaign')} – ${name}`}
                          onClick={() => openNow(organization)}>{t('openCampaign')}</Button>
                      )}
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </DataTable>
        )}
        {extending && <ExtendDialog {...extending} onClose={() => setExtending(null)} onExtended={extended} />}
      </PageSection>
    </>
  );
}

/** A new due date: the chosen day, to its end in the province. */
function ExtendDialog({
  organization, campaign, onClose, onExtended,
}) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const [day, setDay] = useState(provinceDay(campaign.dueAt));
  const { busy, error, submit: send } = useSubmit();
  const submit = (event) => send(event, {
    check: () => missingFields({ dueAt: day }, [['dueAt', t('newDueDate')]], t),
    work: async () => {
      const updated = await api.post(`/organizations/${organization.id}/campaign/extend`, { dueAt: endOfProvinceDay(day) });
      await onExtended(organization, updated);
    },
  });
  return (
    <Modal variant={ModalVariant.small} isOpen onClose={onClose} id="extend-dialog"
      title={t('extendTitle', { name: organizationName(organization, locale) })}
      actions={[
        <Button key="save" type="submit" form="extend-form" variant="primary" id="extend-save" isAriaDisabled={busy} isLoading={busy}>
          {t('extendDueDate')}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose} id="extend-cancel">{t('cancel')}</Button>,
      ]}>
      <TextContent><Text component="p">{t('extendCurrent', { due: formatDate(campaign.dueAt, locale) })}</Text></TextContent>
      <ErrorAlert error={error && !error.fields && error.field !== 'dueAt' ? { ...error, field: null } : null} />
      <Form noValidate onSubmit={submit} id="extend-form">
        <Field id="dueAt" label={t('newDueDate')} type="date" isRequired value={day} onChange={setDay} error={error}
          help={t('newDueDateHelp')} />
      </Form>
    </Modal>
  );
}

import React, { useState } from 'react';
import {
  ActionGroup, Alert, Bullseye, Button, DescriptionList, DescriptionListDescription, DescriptionListGroup,
  DescriptionListTerm, Form, Label, Modal, ModalVariant, PageSection, Spinner, Text, TextContent, Title,
} from '@patternfly/react-core';
import { Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { query } from '../api';
import {
  formatDate, formatTime, personName, useI18n,
} from '../i18n';
import { useSession } from '../session';
import { usePagedList, useRefocus, useSubmit } from '../hooks';
import {
  DataTable, ErrorAlert, PageTitle, Paging, ProfilePicker, StatusAlert,
} from '../components';
import { useProfileLabel } from '../requests';
import {
  CampaignState, ReviewStatus, isOpen, useCampaign,
} from '../campaigns';
import { useOrganization } from './OrganizationScope';

const COUNTS = ['total', 'pending', 'confirmed', 'changed', 'deactivated', 'flagged'];

/**
 * The organization's access review (recertification campaign): the campaign's state and counts,
 * every contact under review with what they hold and when they last signed in, each confirmed as
 * is, with other profiles, or deactivated; then the contact manager signs the review off.
 */
export function ReviewPage() {
  const { t } = useI18n();
  const { api, me } = useSession();
  const { organization, access } = useOrganization();
  const allowed = access.can('REVIEW_ACCESS');
  const {
    campaign, setCampaign, error: campaignError, reload: reloadCampaign,
  } = useCampaign(api, organization.id);
  const rows = usePagedList(api, ({ first, max }) => `/organizations/${organization.id}/campaign/contacts${query({ first, max })}`,
    allowed && !!campaign);
  const [notice, setNotice] = useState(null);
  const opening = useSubmit();
  const refocusRows = useRefocus('review-rows-title');
  const refocusCampaign = useRefocus('campaign-title');

  if (!allowed) {
    return <PageTitle title={t('notAllowed')} />;
  }
  const reviewed = async (message) => {
    setNotice(message);
    await Promise.all([rows.reload(), reloadCampaign()]);
    refocusRows();
  };
  const openNow = (event) => opening.submit(event, {
    work: async () => {
      setCampaign(await api.post(`/organizations/${organization.id}/campaign`));
      setNotice(t('campaignOpened'));
      await rows.reload();
      refocusCampaign();
    },
  });

  return (
    <>
      <PageTitle title={t('reviewTitle')} intro={t('reviewIntro')} />
      <PageSection>
        <h2 className="pf-v5-c-title pf-m-lg" tabIndex={-1} id="campaign-title">{t('campaignTitle')}</h2>
        {notice && <StatusAlert id="review-notice" title={notice} headingLevel="h3" />}
        <ErrorAlert error={campaignError && { ...campaignError, field: null }} />
        {campaign === undefined && !campaignError && <Bullseye><Spinner aria-label={t('loading')} /></Bullseye>}
        {campaign === null && !campaignError && (
          <TextContent><Text component="p" id="no-campaign">{t('noCampaign')}</Text></TextContent>
        )}
        {campaign && <CampaignSummary campaign={campaign} />}
        {me.operationsSupport && campaign !== undefined && !isOpen(campaign) && (
          <Form noValidate onSubmit={openNow} id="open-campaign-form">
            <ErrorAlert error={opening.error && { ...opening.error, field: null }} />
            <ActionGroup>
              <Button type="submit" variant="secondary" id="open-campaign" isAriaDisabled={opening.busy} isLoading={opening.busy}>
                {t('openCampaign')}
              </Button>
            </ActionGroup>
          </Form>
        )}
      </PageSection>
      {campaign && (
        <>
          <ReviewRows campaign={campaign} rows={rows} onReviewed={reviewed} />
          {isOpen(campaign) && <SignOff campaign={campaign} onSignedOff={async (done) => {
            setCampaign(done);
            setNotice(t('signedOff'));
            await rows.reload();
            refocusCampaign();
          }} />}
        </>
      )}
    </>
  );
}

function CampaignSummary({ campaign }) {
  const { t, locale } = useI18n();
  return (
    <DescriptionList isHorizontal isCompact id="campaign-summary" columnModifier={{ default: '1Col', lg: '2Col' }}>
      <DescriptionListGroup>
        <DescriptionListTerm>{t('colState')}</DescriptionListTerm>
        <DescriptionListDescription><CampaignState state={campaign.state} id="campaign-state" /></DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>{t('campaignOpenedAt')}</DescriptionListTerm>
        <DescriptionListDescription id="campaign-opened">{formatTime(campaign.openedAt, locale)}</DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>{t('campaignDueAt')}</DescriptionListTerm>
        <DescriptionListDescription id="campaign-due">{formatDate(campaign.dueAt, locale)}</DescriptionListDescription>
      </DescriptionListGroup>
      {campaign.signedOffAt && (
        <DescriptionListGroup>
          <DescriptionListTerm>{t('campaignSignedOff')}</DescriptionListTerm>
          <DescriptionListDescription id="campaign-signed-off">
            {t('byOn', { who: personName(campaign.signedOffBy), when: formatTime(campaign.signedOffAt, locale) })}
          </DescriptionListDescription>
        </DescriptionListGroup>
      )}
      {COUNTS.map((count) => (
        <DescriptionListGroup key={count}>
          <DescriptionListTerm>{t(`count_${count}`)}</DescriptionListTerm>
          <DescriptionListDescription id={`campaign-count-${count}`}>{campaign.counts?.[count] ?? 0}</DescriptionListDescription>
        </DescriptionListGroup>
      ))}
    </DescriptionList>
  );
}

/** The contacts under review, each with its actions while the campaign is open and the contact not reviewed yet. */
function ReviewRows({ campaign, rows, onReviewed }) {
  const { t, locale } = useI18n();
  const { api, me } = useSession();
  const { organization } = useOrganization();
  const profileLabel = useProfileLabel();
  const [changing, setChanging] = useState(null);
  const [deactivating, setDeactivating] = useState(null);
  const [error, setError] = useState(null);
  const {
    page, setPage, result, error: listError,
  } = rows;
  const path = (row) => `/organizations/${organization.id}/campaign/contacts/${row.id}`;
  const name = (row) => `${row.firstName ?? ''} ${row.lastName ?? ''}`.trim() || row.email;

  const confirm = (row) => {
    setError(null);
    return api.post(`${path(row)}/confirm`, {})
      .then(() => onReviewed(t('reviewConfirmed', { name: name(row) })))
      .catch(setError);
  };
  const columns = 7;
  return (
    <PageSection>
      <h2 className="pf-v5-c-title pf-m-lg" tabIndex={-1} id="review-rows-title">{t('reviewRowsTitle')}</h2>
      <ErrorAlert error={(error || listError) && { ...(error || listError), field: null }} />
      {result && (
        <>
          <Paging id="review-paging" label={t('reviewRowsTitle')} total={result.total} first={page.first} max={page.max}
            onChange={(first, max) => setPage({ first, max })} />
          <DataTable id="review-table" label={t('reviewRowsTitle')} caption={t('reviewRowsCaption', { due: formatDate(campaign.dueAt, locale) })}>
            <Thead>
              <Tr>
                <Th>{t('colContactName')}</Th><Th>{t('colEmail')}</Th><Th>{t('colLastSignIn')}</Th><Th>{t('colProfiles')}</Th>
                <Th>{t('colState')}</Th><Th>{t('colReview')}</Th><Th>{t('colActions')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {result.items.length === 0 && <Tr><Td colSpan={columns}>{t('noReviewRows')}</Td></Tr>}
              {result.items.map((row) => {
                const pending = row.review === 'PENDING' && isOpen(campaign);
                const itsMe = row.id === me.id;
                return (
                  <Tr key={row.id} data-contact-email={row.email} data-review={row.review}>
                    <Td dataLabel={t('colContactName')}>
                      {`${row.lastName ?? ''}, ${row.firstName ?? ''}`}
                      {row.primaryContact && <Label color="purple" isCompact className="lampss-primary-label">{t('primaryContact')}</Label>}
                    </Td>
                    <Td dataLabel={t('colEmail')}>{row.email}</Td>
                    <Td dataLabel={t('colLastSignIn')}>{row.lastSignIn ? formatTime(row.lastSignIn, locale) : t('never')}</Td>
                    <Td dataLabel={t('colProfiles')}>{row.profiles.length ? row.profiles.map(profileLabel).join(', ') : t('noProfiles')}</Td>
                    <Td dataLabel={t('colState')}>{t(`state${row.state}`)}</Td>
                    <Td dataLabel={t('colReview')}>
                      <ReviewStatus review={row.review} />
                      {row.reviewedAt && (
                        <TextContent><Text component="small" className="lampss-reviewed-by">
                          {t('byOn', { who: personName(row.reviewedBy), when: formatTime(row.reviewedAt, locale) })}
                        </Text></TextContent>
                      )}
                    </Td>
                    <Td dataLabel={t('colActions')}>
                      {pending && itsMe && t('reviewOwnRow')}
                      {pending && !itsMe && (
                        <>
                          <Button variant="primary" size="sm" className="review-confirm" onClick={() => confirm(row)}
                            aria-label={`${t('reviewConfirm')} – ${name(row)}`}>{t('reviewConfirm')}</Button>{' '}
                          <Button variant="secondary" size="sm" className="review-change" onClick={() => { setError(null); setChanging(row); }}
                            aria-label={`${t('reviewChange')} – ${name(row)}`}>{t('reviewChange')}</Button>{' '}
                          {!row.primaryContact && (
                            <Button variant="danger" size="sm" className="review-deactivate" onClick={() => { setError(null); setDeactivating(row); }}
                              aria-label={`${t('reviewDeactivate')} – ${name(row)}`}>{t('reviewDeactivate')}</Button>
                          )}
                        </>
                      )}
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </DataTable>
        </>
      )}
      {changing && (
        <ChangeProfilesDialog row={changing} name={name(changing)} path={path(changing)} onClose={() => setChanging(null)}
          onChanged={() => {
            const who = name(changing);
            setChanging(null);
            return onReviewed(t('reviewChanged', { name: who }));
          }} />
      )}
      {deactivating && (
        <DeactivateDialog row={deactivating} name={name(deactivating)} path={path(deactivating)} onClose={() => setDeactivating(null)}
          onDeactivated={() => {
            const who = name(deactivating);
            setDeactivating(null);
            return onReviewed(t('reviewDeactivated', { name: who }));
          }} />
      )}
    </PageSection>
  );
}

/** The contact's profiles as checkboxes, the current ones ticked; saving confirms the review with that set. */
function ChangeProfilesDialog({
  row, name, path, onClose, onChanged,
}) {
  const { t } = useI18n();
  const { api, profiles } = useSession();
  const { organization, access } = useOrganization();
  const [selected, setSelected] = useState(row.profiles);
  const { busy, error, submit: send } = useSubmit();
  const submit = (event) => send(event, {
    work: async () => {
      await api.post(`${path}/confirm`, { profiles: selected });
      await onChanged();
    },
  });
  return (
    <Modal variant={ModalVariant.medium} isOpen onClose={onClose} id="change-profiles-dialog" title={t('reviewChangeTitle', { name })}
      actions={[
        <Button key="save" type="submit" form="change-profiles-form" variant="primary" id="change-profiles-save"
          isAriaDisabled={busy} isLoading={busy}>{t('reviewChangeSave')}</Button>,
        <Button key="cancel" variant="link" onClick={onClose} id="change-profiles-cancel">{t('cancel')}</Button>,
      ]}>
      <ErrorAlert error={error && error.field !== 'profiles' ? { ...error, field: null } : null} />
      <Form noValidate onSubmit={submit} id="change-profiles-form">
        <TextContent><Text component="p">{t('reviewChangeHelp')}</Text></TextContent>
        <ProfilePicker profiles={profiles} modules={organization.modules} selected={selected} onChange={setSelected}
          grantable={access.grantable} error={error} />
      </Form>
    </Modal>
  );
}

/** Deactivation asks first: the person loses access to LaMPSS in this organization. */
function DeactivateDialog({
  name, path, onClose, onDeactivated,
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const { busy, error, submit: send } = useSubmit();
  const submit = (event) => send(event, {
    work: async () => {
      await api.post(`${path}/deactivate`);
      await onDeactivated();
    },
  });
  return (
    <Modal variant={ModalVariant.small} isOpen onClose={onClose} id="deactivate-dialog" title={t('reviewDeactivateTitle', { name })}
      actions={[
        <Button key="confirm" type="submit" form="deactivate-form" variant="danger" id="deactivate-confirm"
          isAriaDisabled={busy} isLoading={busy}>{t('reviewDeactivate')}</Button>,
        <Button key="cancel" variant="link" onClick={onClose} id="deactivate-cancel">{t('cancel')}</Button>,
      ]}>
      <ErrorAlert error={error && { ...error, field: null }} />
      <Form noValidate onSubmit={submit} id="deactivate-form">
        <TextContent><Text component="p">{t('reviewDeactivateText', { name })}</Text></TextContent>
      </Form>
    </Modal>
  );
}

/** The contact manager's sign-off; refused while someone else is still to review (REVIEW_INCOMPLETE). */
function SignOff({ campaign, onSignedOff }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { organization } = useOrganization();
  const { busy, error, submit: send } = useSubmit();
  const submit = (event) => send(event, {
    work: async () => onSignedOff(await api.post(`/organizations/${organization.id}/campaign/sign-off`)),
  });
  return (
    <PageSection>
      <Form noValidate onSubmit={submit} id="sign-off-form" maxWidth="48rem" aria-labelledby="sign-off-title">
        <Title headingLevel="h2" size="lg" id="sign-off-title">{t('signOffTitle')}</Title>
        <TextContent><Text component="p">{t('signOffIntro', { pending: campaign.counts?.pending ?? 0 })}</Text></TextContent>
        {error && (
          <Alert variant="danger" isInline id="sign-off-error" role="alert" component="h3"
            title={error.code === 'REVIEW_INCOMPLETE' ? t('signOffIncompleteTitle') : t('errorTitle')}>
            <Text component="p">{error.message}</Text>
            {error.code === 'REVIEW_INCOMPLETE' && <Text component="p">{t('signOffIncomplete')}</Text>}
          </Alert>
        )}
        <ActionGroup>
          <Button type="submit" variant="primary" id="review-sign-off" isAriaDisabled={busy} isLoading={busy}>{t('signOff')}</Button>
        </ActionGroup>
      </Form>
    </PageSection>
  );
}

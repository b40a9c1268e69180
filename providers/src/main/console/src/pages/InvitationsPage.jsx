import React, { useState } from 'react';
import { Button, Label, Modal, ModalVariant, PageSection } from '@patternfly/react-core';
import { Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { query } from '../api';
import { formatTime, useI18n } from '../i18n';
import { useSession } from '../session';
import { usePagedList } from '../hooks';
import { DataTable, ErrorAlert, PageTitle, Paging, StatusAlert } from '../components';
import { useOrganization } from './OrganizationScope';

/** Invitations not accepted yet (pending and expired): resend and revoke. */
export function InvitationsPage() {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const { organization, access } = useOrganization();
  const {
    page, setPage, result, error, setError, reload,
  } = usePagedList(api, (shown) => `/organizations/${organization.id}/invitations${query(shown)}`, access.can('ADD_CONTACT'));
  const [notice, setNotice] = useState(null);
  const [revoking, setRevoking] = useState(null);

  if (!access.can('ADD_CONTACT')) {
    return <PageTitle title={t('notAllowed')} />;
  }
  const contactPath = (invitation) => `/organizations/${organization.id}/contacts/${invitation.userId}/invitation`;
  const act = (promise, message) => promise
    .then(() => {
      setError(null);
      setNotice(message);
      return reload();
    })
    .catch((refusal) => {
      setNotice(null);
      setError(refusal);
    });
  const resend = (invitation) => act(api.post(contactPath(invitation)), t('resent', { email: invitation.email }));
  const revoke = () => {
    const invitation = revoking;
    setRevoking(null);
    act(api.del(contactPath(invitation)), t('revoked', { email: invitation.email }));
  };

  return (
    <>
      <PageTitle title={t('invitationsTitle')} intro={t('invitationsIntro')} />
      <PageSection>
        {notice && <StatusAlert id="invitation-notice" title={notice} />}
        <ErrorAlert error={error && { ...error, field: null }} />
        {result && (
          <>
            <Paging id="invitations-paging" total={result.total} first={page.first} max={page.max}
              onChange={(first, max) => setPage({ first, max })} />
            <DataTable label={t('invitationsTitle')} id="invitations-table">
              <Thead>
                <Tr><Th>{t('colContactName')}</Th><Th>{t('colEmail')}</Th><Th>{t('colState')}</Th><Th>{t('colSent')}</Th><Th>{t('colExpires')}</Th><Th>{t('colActions')}</Th></Tr>
              </Thead>
              <Tbody>
                {result.items.length === 0 && <Tr><Td colSpan={6}>{t('noInvitations')}</Td></Tr>}
                {result.items.map((invitation) => (
                  <Tr key={invitation.id} data-invitation-email={invitation.email}>
                    <Td dataLabel={t('colContactName')}>{`${invitation.lastName ?? ''}, ${invitation.firstName ?? ''}`}</Td>
                    <Td dataLabel={t('colEmail')}>{invitation.email}</Td>
                    <Td dataLabel={t('colState')}><Label color={invitation.state === 'PENDING' ? 'blue' : 'orange'} isCompact>{t(`st${invitation.state}`)}</Label></Td>
                    <Td dataLabel={t('colSent')}>{formatTime(invitation.sentAt, locale)}</Td>
                    <Td dataLabel={t('colExpires')}>{formatTime(invitation.expiresAt, locale)}</Td>
                    <Td dataLabel={t('colActions')}>
                      <Button variant="secondary" size="sm" onClick={() => resend(invitation)} className="invitation-resend"
                        aria-label={`${t('resend')} – ${invitation.email}`}>{t('resend')}</Button>{' '}
                      {invitation.state === 'PENDING' && (
                        <Button variant="danger" size="sm" onClick={() => setRevoking(invitation)} className="invitation-revoke"
                          aria-label={`${t('revoke')} – ${invitation.email}`}>{t('revoke')}</Button>
                      )}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </DataTable>
          </>
        )}
        <Modal variant={ModalVariant.small} title={t('revokeTitle')} isOpen={!!revoking} onClose={() => setRevoking(null)}
          id="revoke-dialog" actions={[
            <Button key="confirm" variant="danger" onClick={revoke} id="revoke-confirm">{t('revoke')}</Button>,
            <Button key="cancel" variant="link" onClick={() => setRevoking(null)} id="revoke-cancel">{t('cancel')}</Button>,
          ]}>
          {revoking && t('revokeText', { email: revoking.email })}
        </Modal>
      </PageSection>
    </>
  );
}

import React from 'react';
import { Button, PageSection, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import DownloadIcon from '@patternfly/react-icons/dist/esm/icons/download-icon';
import { Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { query } from '../api';
import { formatTime, useI18n } from '../i18n';
import { useSession } from '../session';
import { usePagedList } from '../hooks';
import { DataTable, ErrorAlert, PageTitle, Paging } from '../components';
import { useOrganization } from './OrganizationScope';
import { auditCsv, download } from '../csv';

/** The audit trail, newest first, with CSV exports of the trail and of the access review. */
export function AuditPage() {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const { organization, access } = useOrganization();
  const base = `/organizations/${organization.id}`;
  const {
    page, setPage, result, error, setError,
  } = usePagedList(api, (shown) => `${base}/audit${query(shown)}`, access.can('VIEW_AUDIT'));

  if (!access.can('VIEW_AUDIT')) {
    return <PageTitle title={t('notAllowed')} />;
  }

  const exportTrail = async () => {
    try {
      const entries = [];
      for (let first = 0; ; first += 100) {
        const chunk = await api.get(`${base}/audit${query({ first, max: 100 })}`);
        entries.push(...chunk.items);
        if (chunk.items.length < 100) {
          break;
        }
      }
      download(auditCsv(entries), `audit-${organization.externalNumber}.csv`);
    } catch (refusal) {
      setError(refusal);
    }
  };
  const exportReview = () => api.text(`${base}/access-review`, 'text/csv')
    .then((csv) => download(csv, `access-review-${organization.externalNumber}.csv`))
    .catch(setError);

  return (
    <>
      <PageTitle title={t('auditTitle')} intro={t('auditIntro')} />
      <PageSection>
        <ErrorAlert error={error && { ...error, field: null }} />
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <Button variant="secondary" icon={<DownloadIcon />} onClick={exportTrail} id="export-audit">{t('exportAudit')}</Button>
            </ToolbarItem>
            {access.can('EXPORT_ACCESS_REVIEW') && (
              <ToolbarItem>
                <Button variant="secondary" icon={<DownloadIcon />} onClick={exportReview} id="export-access-review">{t('exportAccessReview')}</Button>
              </ToolbarItem>
            )}
            {result && (
              <ToolbarItem variant="pagination" align={{ default: 'alignRight' }}>
                <Paging id="audit-paging" total={result.total} first={page.first} max={page.max}
                  onChange={(first, max) => setPage({ first, max })} />
              </ToolbarItem>
            )}
          </ToolbarContent>
        </Toolbar>
        {result && (
          <DataTable label={t('auditTitle')} id="audit-table">
            <Thead>
              <Tr><Th>{t('colTime')}</Th><Th>{t('colAction')}</Th><Th>{t('colActor')}</Th><Th>{t('colTarget')}</Th></Tr>
            </Thead>
            <Tbody>
              {result.items.length === 0 && <Tr><Td colSpan={4}>{t('noAudit')}</Td></Tr>}
              {result.items.map((entry) => (
                <Tr key={entry.id} data-action={entry.action}>
                  <Td dataLabel={t('colTime')}>{formatTime(entry.time, locale)}</Td>
                  <Td dataLabel={t('colAction')}>{t(`action${entry.action}`)}</Td>
                  <Td dataLabel={t('colActor')}>{entry.actor?.username}</Td>
                  <Td dataLabel={t('colTarget')}>{entry.target?.username ?? ''}</Td>
                </Tr>
              ))}
            </Tbody>
          </DataTable>
        )}
      </PageSection>
    </>
  );
}

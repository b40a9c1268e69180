import React, { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageSection, SearchInput, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { query } from '../api';
import { organizationName, useI18n } from '../i18n';
import { moduleLabel, useSession } from '../session';
import { usePagedList } from '../hooks';
import { DataTable, ErrorAlert, PageTitle, Paging } from '../components';

/** The organization picker: every organization for Operations Support, one's own for others. */
export function OrganizationsPage() {
  const { t, locale } = useI18n();
  const { api, me, modules } = useSession();
  const [search, setSearch] = useState('');
  const {
    page, setPage, firstPage, result, error,
  } = usePagedList(api, ({ first, max }) => `/organizations${query({ search, first, max })}`);

  return (
    <>
      <PageTitle title={t('organizationsTitle')} intro={me.operationsSupport || me.organizations.length ? t('organizationsIntro') : t('noOrganizationOfMine')} />
      <PageSection>
        <ErrorAlert error={error} />
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem variant="search-filter">
              <SearchInput id="organization-search" aria-label={t('searchOrganizations')} placeholder={t('searchOrganizations')}
                value={search} onChange={(_, value) => { setSearch(value); firstPage(); }}
                onClear={() => setSearch('')} />
            </ToolbarItem>
            {result && (
              <ToolbarItem variant="pagination" align={{ default: 'alignRight' }}>
                <Paging id="organizations-paging-top" total={result.total} first={page.first} max={page.max}
                  onChange={(first, max) => setPage({ first, max })} />
              </ToolbarItem>
            )}
          </ToolbarContent>
        </Toolbar>
        {result && (
          <DataTable label={t('organizationsTitle')} id="organizations-table">
            <Thead>
              <Tr><Th>{t('colNumber')}</Th><Th>{t('colName')}</Th><Th>{t('colModules')}</Th></Tr>
            </Thead>
            <Tbody>
              {result.items.length === 0 && <Tr><Td colSpan={3}>{t('noOrganizations')}</Td></Tr>}
              {result.items.map((organization) => (
                <Tr key={organization.id}>
                  <Td dataLabel={t('colNumber')}>{organization.externalNumber}</Td>
                  <Td dataLabel={t('colName')}>
                    <Link to={`/o/${organization.id}`} id={`organization-${organization.externalNumber}`}>{organizationName(organization, locale)}</Link>
                  </Td>
                  <Td dataLabel={t('colModules')}>{organization.modules.map((m) => moduleLabel(modules, m, locale)).join(', ')}</Td>
                </Tr>
              ))}
            </Tbody>
          </DataTable>
        )}
      </PageSection>
    </>
  );
}

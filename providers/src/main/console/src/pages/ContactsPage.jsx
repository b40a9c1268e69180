import React, { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import {
  Button, Checkbox, Label, PageSection, SearchInput, Toolbar, ToolbarContent, ToolbarItem,
} from '@patternfly/react-core';
import { Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { query } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { usePagedList } from '../hooks';
import { DataTable, ErrorAlert, PageTitle, Paging, StatusAlert } from '../components';
import { useOrganization } from './OrganizationScope';

const STATE_COLOURS = { ACTIVE: 'green', INVITED: 'blue', INACTIVE: 'grey' };

/** Org contacts: primary contact first and labelled, a state column, search with "Active only", paging. */
export function ContactsPage() {
  const { t, locale } = useI18n();
  const { api, profiles } = useSession();
  const { organization, access } = useOrganization();
  const { state } = useLocation();
  const [search, setSearch] = useState('');
  const [activeOnly, setActiveOnly] = useState(true);
  const {
    page, setPage, firstPage, result, error,
  } = usePagedList(api, ({ first, max }) => `/organizations/${organization.id}/contacts${query({ search, activeOnly, first, max })}`,
    access.can('LIST_CONTACTS'));

  if (!access.can('LIST_CONTACTS')) {
    return <PageTitle title={t('notAllowed')} />;
  }
  const label = (name) => profiles.find((p) => p.name === name)?.label[locale] || name;
  return (
    <>
      <PageTitle title={t('contactsTitle')} />
      <PageSection>
        {state?.invited && (
          <StatusAlert id="invitation-sent" title={t('invitationSentTitle')} message={t('invitationSent', { email: state.invited })} />
        )}
        {state?.deactivated && (
          <StatusAlert id="contact-deactivated" title={t('deactivatedTitle')} message={t('deactivated', { name: state.deactivated })} />
        )}
        <ErrorAlert error={error} />
        <Toolbar id="contacts-toolbar">
          <ToolbarContent>
            <ToolbarItem variant="search-filter">
              <SearchInput id="contact-search" aria-label={t('searchContacts')} placeholder={t('searchContacts')}
                value={search} onChange={(_, value) => { setSearch(value); firstPage(); }}
                onClear={() => setSearch('')} />
            </ToolbarItem>
            <ToolbarItem alignItems="center">
              <Checkbox id="active-only" label={t('activeOnly')} isChecked={activeOnly}
                onChange={(_, checked) => { setActiveOnly(checked); firstPage(); }} />
            </ToolbarItem>
            {access.can('ADD_CONTACT') && (
              <ToolbarItem>
                <Button component={Link} to={`/o/${organization.id}/contacts/new`} id="add-contact">
                  {t('addContact')}
                </Button>
              </ToolbarItem>
            )}
            {result && (
              <ToolbarItem variant="pagination" align={{ default: 'alignRight' }}>
                <Paging id="contacts-paging" total={result.total} first={page.first} max={page.max}
                  onChange={(first, max) => setPage({ first, max })} />
              </ToolbarItem>
            )}
          </ToolbarContent>
        </Toolbar>
        {result && (
          <DataTable label={t('contactsTitle')} id="contacts-table">
            <Thead>
              <Tr><Th>{t('colContactName')}</Th><Th>{t('colEmail')}</Th><Th>{t('colState')}</Th><Th>{t('colProfiles')}</Th></Tr>
            </Thead>
            <Tbody>
              {result.items.length === 0 && <Tr><Td colSpan={4}>{t('noContacts')}</Td></Tr>}
              {result.items.map((contact) => (
                <Tr key={contact.id} data-contact-email={contact.email} data-state={contact.state}>
                  <Td dataLabel={t('colContactName')}>
                    <Link to={`/o/${organization.id}/contacts/${contact.id}`}>{`${contact.lastName ?? ''}, ${contact.firstName ?? ''}`}</Link>
                    {contact.primaryContact && <Label color="purple" isCompact className="lampss-primary-label">{t('primaryContact')}</Label>}
                  </Td>
                  <Td dataLabel={t('colEmail')}>{contact.email}</Td>
                  <Td dataLabel={t('colState')}>
                    <Label color={STATE_COLOURS[contact.state]} isCompact className="lampss-state">{t(`state${contact.state}`)}</Label>
                  </Td>
                  <Td dataLabel={t('colProfiles')}>{contact.profiles.map(label).join(', ')}</Td>
                </Tr>
              ))}
            </Tbody>
          </DataTable>
        )}
      </PageSection>
    </>
  );
}

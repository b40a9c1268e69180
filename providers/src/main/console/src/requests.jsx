import React from 'react';
import { Link } from 'react-router-dom';
import { Label, Text, TextContent } from '@patternfly/react-core';
import { Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import {
  formatTime, organizationName, personName, useI18n,
} from './i18n';
import { useSession } from './session';
import { DataTable } from './components';

/** Requests for the profiles only Operations Support gives (issue 15): their states, in the API's order. */
export const REQUEST_STATES = ['OPEN', 'APPROVED', 'REFUSED', 'CLOSED'];
const REQUEST_COLOURS = {
  OPEN: 'blue', APPROVED: 'green', REFUSED: 'red', CLOSED: 'grey',
};

/**
 * The profiles an organization asks Operations Support for: those only Operations Support gives,
 * of the organization's modules (the server checks again).
 */
export function requestableProfiles(profiles, organization) {
  return profiles.filter((p) => p.operationsSupportOnly && organization.modules.includes(p.module));
}

/** A profile's label in the console's language (GET /profiles); its role name when unknown. */
export function useProfileLabel() {
  const { locale } = useI18n();
  const { profiles } = useSession();
  return (name) => profiles.find((p) => p.name === name)?.label[locale] || name;
}

/** A state of a request, in words (the colour only repeats them). */
export function RequestState({ state }) {
  const { t } = useI18n();
  return <Label color={REQUEST_COLOURS[state]} isCompact className="lampss-request-state">{t(`request${state}`)}</Label>;
}

/**
 * Requests as a table: who for, which profile, why, who asked and when, the state and the decision;
 * the organization too where the list spans organizations; {@code actions(request)} fills a last column.
 */
export function RequestsTable({
  id, label, caption, items, showOrganization, actions,
}) {
  const { t, locale } = useI18n();
  const profileLabel = useProfileLabel();
  const columns = 6 + (showOrganization ? 1 : 0) + (actions ? 1 : 0);
  return (
    <DataTable id={id} label={label} caption={caption}>
      <Thead>
        <Tr>
          {showOrganization && <Th>{t('colOrganization')}</Th>}
          <Th>{t('colContactName')}</Th>
          <Th>{t('colProfile')}</Th>
          <Th>{t('colReason')}</Th>
          <Th>{t('colAsked')}</Th>
          <Th>{t('colState')}</Th>
          <Th>{t('colDecision')}</Th>
          {actions && <Th>{t('colActions')}</Th>}
        </Tr>
      </Thead>
      <Tbody>
        {items.length === 0 && <Tr><Td colSpan={columns}>{t('noRequests')}</Td></Tr>}
        {items.map((request) => (
          <Tr key={request.id} data-request-id={request.id} data-person-email={request.person.email}
            data-profile={request.profile} data-state={request.state}>
            {showOrganization && (
              <Td dataLabel={t('colOrganization')}>
                <Link to={`/o/${request.organization.id}`}>{organizationName(request.organization, locale)}</Link>
                <TextContent><Text component="small">{request.organization.externalNumber}</Text></TextContent>
              </Td>
            )}
            <Td dataLabel={t('colContactName')}>
              {personName(request.person)}
              <TextContent><Text component="small">{request.person.email}</Text></TextContent>
            </Td>
            <Td dataLabel={t('colProfile')}>{profileLabel(request.profile)}</Td>
            <Td dataLabel={t('colReason')} className="lampss-request-reason">{request.reason}</Td>
            <Td dataLabel={t('colAsked')}>{t('byOn', { who: personName(request.askedBy), when: formatTime(request.askedAt, locale) })}</Td>
            <Td dataLabel={t('colState')}><RequestState state={request.state} /></Td>
            <Td dataLabel={t('colDecision')}>
              {request.decidedAt && t('byOn', { who: personName(request.decidedBy), when: formatTime(request.decidedAt, locale) })}
              {request.decision && <TextContent><Text component="p" className="lampss-request-decision">{request.decision}</Text></TextContent>}
            </Td>
            {actions && <Td dataLabel={t('colActions')}>{actions(request)}</Td>}
          </Tr>
        ))}
      </Tbody>
    </DataTable>
  );
}

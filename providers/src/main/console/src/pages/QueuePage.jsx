import React, { useState } from 'react';
import {
  Button, Form, Modal, ModalVariant, PageSection, Text, TextContent, Toolbar, ToolbarContent, ToolbarItem,
} from '@patternfly/react-core';
import { query } from '../api';
import { organizationName, personName, useI18n } from '../i18n';
import { useSession } from '../session';
import { usePagedList, useRefocus, useSubmit } from '../hooks';
import {
  ErrorAlert, Field, PageTitle, Paging, StateFilter, StatusAlert, missingFields,
} from '../components';
import { REQUEST_STATES, RequestsTable, useProfileLabel } from '../requests';

/**
 * Operations Support's queue: the requests of every organization (open ones by default, oldest
 * first), each approved (the profile is granted) or refused with a word of explanation.
 */
export function QueuePage() {
  const { t } = useI18n();
  const { api, me } = useSession();
  const [state, setState] = useState('OPEN');
  const {
    page, setPage, firstPage, result, error, reload,
  } = usePagedList(api, ({ first, max }) => `/requests${query({ state, first, max })}`, me.operationsSupport);
  const [deciding, setDeciding] = useState(null);
  const [notice, setNotice] = useState(null);
  const refocus = useRefocus('lampss-page-title');

  if (!me.operationsSupport) {
    return <PageTitle title={t('notAllowed')} />;
  }
  const decide = (request, how) => {
    setNotice(null);
    setDeciding({ request, how });
  };
  const decided = async (request) => {
    setDeciding(null);
    setNotice(request);
    await reload();
    refocus();
  };
  const actions = (request) => request.state === 'OPEN' && (
    <>
      <Button variant="primary" size="sm" className="request-approve" onClick={() => decide(request, 'approve')}
        aria-label={`${t('approve')} – ${personName(request.person)}`}>{t('approve')}</Button>{' '}
      <Button variant="danger" size="sm" className="request-refuse" onClick={() => decide(request, 'refuse')}
        aria-label={`${t('refuse')} – ${personName(request.person)}`}>{t('refuse')}</Button>
    </>
  );

  return (
    <>
      <PageTitle title={t('queueTitle')} intro={t('queueIntro')} />
      <PageSection>
        {notice && <Decided request={notice} />}
        <ErrorAlert error={error && { ...error, field: null }} />
        <Toolbar id="queue-toolbar">
          <ToolbarContent>
            <ToolbarItem>
              <StateFilter id="queue-state" value={state} states={REQUEST_STATES} stateLabel={(s) => t(`request${s}`)}
                onChange={(next) => { setState(next); firstPage(); }} />
            </ToolbarItem>
            {result && (
              <ToolbarItem variant="pagination" align={{ default: 'alignRight' }} alignSelf="center">
                <Paging id="queue-paging" label={t('queueTitle')} total={result.total} first={page.first} max={page.max}
                  onChange={(first, max) => setPage({ first, max })} />
              </ToolbarItem>
            )}
          </ToolbarContent>
        </Toolbar>
        {result && <RequestsTable id="queue-table" label={t('queueTitle')} caption={t('queueCaption')} items={result.items} showOrganization actions={actions} />}
        {deciding && <DecisionDialog {...deciding} onClose={() => setDeciding(null)} onDecided={decided} />}
      </PageSection>
    </>
  );
}

function Decided({ request }) {
  const { t } = useI18n();
  const profileLabel = useProfileLabel();
  const values = { profile: profileLabel(request.profile), name: personName(request.person) };
  return request.state === 'APPROVED'
    ? <StatusAlert id="request-decided" headingLevel="h2" title={t('requestApprovedTitle')} message={t('requestApproved', values)} />
    : <StatusAlert id="request-decided" headingLevel="h2" title={t('requestRefusedTitle')} message={t('requestRefused', values)} />;
}

/** Approve (the decision's text optional) or refuse (required), in a dialog that names the request. */
function DecisionDialog({
  request, how, onClose, onDecided,
}) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const profileLabel = useProfileLabel();
  const [decision, setDecision] = useState('');
  const { busy, error, submit: send } = useSubmit();
  const refusing = how === 'refuse';
  const submit = (event) => send(event, {
    check: () => refusing && missingFields({ decision }, [['decision', t('decisionText')]], t),
    work: async () => {
      const body = decision.trim() ? { decision: decision.trim() } : {};
      onDecided(await api.post(`/requests/${request.id}/${how}`, body));
    },
  });
  return (
    <Modal variant={ModalVariant.small} isOpen onClose={onClose} id="decision-dialog"
      title={refusing ? t('refuseTitle') : t('approveTitle')}
      actions={[
        <Button key="confirm" type="submit" form="decision-form" variant={refusing ? 'danger' : 'primary'} id="decision-confirm"
          isAriaDisabled={busy} isLoading={busy}>{refusing ? t('refuse') : t('approve')}</Button>,
        <Button key="cancel" variant="link" onClick={onClose} id="decision-cancel">{t('cancel')}</Button>,
      ]}>
      <TextContent>
        <Text component="p">
          {t('decisionAbout', {
            profile: profileLabel(request.profile), name: personName(request.person),
            organization: organizationName(request.organization, locale),
          })}
        </Text>
        <Text component="blockquote">{request.reason}</Text>
      </TextContent>
      <ErrorAlert error={error && error.field !== 'decision' && !error.fields ? { ...error, field: null } : null} />
      <Form noValidate onSubmit={submit} id="decision-form">
        <Field id="decision" label={t('decisionText')} multiline isRequired={refusing} value={decision} onChange={setDecision}
          error={error} help={refusing ? t('decisionRefuseHelp') : t('decisionApproveHelp')} />
      </Form>
    </Modal>
  );
}

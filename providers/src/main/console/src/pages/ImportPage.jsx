import React, { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  ActionGroup, Alert, Button, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm,
  Form, FormGroup, FormHelperText, FormSelect, FormSelectOption, HelperText, HelperTextItem, PageSection, Text,
  TextContent, Title, Toolbar, ToolbarContent, ToolbarItem,
} from '@patternfly/react-core';
import DownloadIcon from '@patternfly/react-icons/dist/esm/icons/download-icon';
import { Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { query } from '../api';
import { formatTime, useI18n } from '../i18n';
import { useSession } from '../session';
import { usePagedList, useSubmit } from '../hooks';
import {
  DataTable, DescribedCheckbox, ErrorAlert, Field, PageTitle, Paging,
} from '../components';
import { download } from '../csv';

const ROW_COUNTS = ['NEW_PERSON', 'ADD_PERSON', 'ADD_PROFILES', 'UNCHANGED', 'REFUSED'];
const ORGANIZATION_COUNTS = ['CREATE', 'UPDATE', 'UNCHANGED'];

/**
 * Onboarding from a file (Operations Support): the file is checked first (a dry run, which writes
 * nothing) and its report shown; then Apply starts a job, followed on its own screen
 * (ImportJobPage). Below, the jobs started so far.
 */
export function ImportPage() {
  const { t } = useI18n();
  const { api, me } = useSession();
  const navigate = useNavigate();
  const [file, setFile] = useState(null);
  const [report, setReport] = useState(null);
  const [hold, setHold] = useState(true);
  const [rate, setRate] = useState('0');
  const check = useSubmit();
  const apply = useSubmit();

  if (!me.operationsSupport) {
    return <PageTitle title={t('notAllowed')} />;
  }

  const choose = (event) => {
    setFile(event.target.files?.[0] || null);
    setReport(null);
    check.setError(null);
    apply.setError(null);
  };
  const runDryRun = (event) => check.submit(event, {
    check: () => (file ? null : { field: 'import-file', message: t('importFileRequired') }),
    work: async () => {
      setReport(null);
      setReport(await api.upload('/onboarding/dry-run', file));
    },
  });
  const start = (event) => apply.submit(event, {
    check: () => (/^\d+$/.test(rate.trim()) ? null : { field: 'import-rate', message: t('importRateInvalid') }),
    work: async () => {
      const job = await api.upload(`/onboarding/jobs${query({
        invitations: hold ? 'hold' : 'send', ratePerMinute: rate.trim(), fileName: file.name,
      })}`, file);
      navigate(`/import/${job.id}`);
    },
  });
  const fileError = check.error?.field === 'import-file' ? check.error.message : null;

  return (
    <>
      <PageTitle title={t('importTitle')} intro={t('importIntro')} />
      <PageSection>
        <FileRefusal error={check.error} />
        <Form noValidate onSubmit={runDryRun} id="import-check-form" maxWidth="48rem">
          <FormGroup label={t('importFile')} fieldId="import-file" isRequired>
            <input type="file" id="import-file" name="import-file" accept=".csv,text/csv" onChange={choose}
              className="lampss-file-input" aria-describedby="import-file-help" aria-invalid={fileError ? true : undefined}
              required />
            <FormHelperText>
              <HelperText id="import-file-help" aria-live="polite">
                {fileError
                  ? <HelperTextItem variant="error" id="import-file-error">{fileError}</HelperTextItem>
                  : <HelperTextItem>{t('importFileHelp')}</HelperTextItem>}
              </HelperText>
            </FormHelperText>
          </FormGroup>
          <ActionGroup>
            <Button type="submit" variant="primary" id="import-check" isAriaDisabled={check.busy} isLoading={check.busy}>{t('importCheck')}</Button>
          </ActionGroup>
        </Form>
      </PageSection>
      {report && (
        <>
          <DryRunReport report={report} file={file} />
          <PageSection>
            <Title headingLevel="h2" size="lg" id="import-apply-title">{t('importApplyTitle')}</Title>
            <FileRefusal error={apply.error && apply.error.field !== 'import-rate' ? { ...apply.error, field: null } : null} />
            <Form noValidate onSubmit={start} id="import-apply-form" maxWidth="48rem" aria-labelledby="import-apply-title">
              <DescribedCheckbox id="import-hold" label={t('importHold')} description={t('importHoldHelp')}
                isChecked={hold} onChange={(_, checked) => setHold(checked)} />
              <Field id="import-rate" label={t('importRate')} type="number" value={rate} onChange={setRate}
                help={t('importRateHelp')} error={apply.error} />
              <ActionGroup>
                <Button type="submit" variant="primary" id="import-apply" isAriaDisabled={apply.busy} isLoading={apply.busy}>
                  {t('importApply', { rows: report.rows - (report.counts.REFUSED || 0) })}
                </Button>
              </ActionGroup>
            </Form>
          </PageSection>
        </>
      )}
      <JobHistory />
    </>
  );
}

/** A file refused as a whole (or any other refusal): the message, and the line at fault when there is one. */
function FileRefusal({ error }) {
  const { t } = useI18n();
  if (!error || error.field) {
    return null;
  }
  return (
    <Alert variant="danger" isInline title={t('errorTitle')} id="lampss-error" role="alert">
      <Text component="p">{error.message}</Text>
      {error.line !== null && error.line !== undefined && (
        <Text component="p" id="lampss-error-line">{t('importRefusedAtLine', { line: error.line, detail: error.detail ?? '' })}</Text>
      )}
    </Alert>
  );
}

/** The dry run's report: counts, the organizations that would change, the refused rows (filtered, downloadable). */
function DryRunReport({ report, file }) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const [column, setColumn] = useState('');
  const [code, setCode] = useState('');
  const [page, setPage] = useState({ first: 0, max: 20 });
  const [downloadError, setDownloadError] = useState(null);
  const number = (n) => Number(n || 0).toLocaleString(locale === 'fr' ? 'fr-CA' : 'en-CA');

  const columns = useMemo(() => [...new Set(report.refusals.map((r) => r.column || ''))].sort(), [report]);
  const codes = useMemo(() => [...new Set(report.refusals.map((r) => r.code))].sort(), [report]);
  const shown = report.refusals.filter((r) => (!column || (r.column || '') === column) && (!code || r.code === code));
  const pageOf = shown.slice(page.first, page.first + page.max);
  const refused = report.counts.REFUSED || 0;

  const downloadCsv = () => api.upload('/onboarding/dry-run', file, 'text/csv')
    .then((csv) => {
      setDownloadError(null);
      download(csv, 'onboarding-refusals.csv');
    })
    .catch(setDownloadError);

  return (
    <PageSection id="import-report" aria-labelledby="import-report-title">
      <Title headingLevel="h2" size="lg" id="import-report-title">{t('importReportTitle', { file: file.name })}</Title>
      <TextContent><Text component="p">{t('importReportIntro')}</Text></TextContent>
      <DescriptionList isHorizontal isCompact id="import-counts" columnModifier={{ default: '1Col', lg: '2Col', '2xl': '3Col' }}>
        <Count id="import-count-rows" term={t('importRows')} value={number(report.rows)} />
        {ROW_COUNTS.map((key) => (
          <Count key={key} id={`import-count-${key}`} term={t(`importCount${key}`)} value={number(report.counts[key])} />
        ))}
        {ORGANIZATION_COUNTS.map((key) => (
          <Count key={key} id={`import-organizations-${key}`} term={t(`importOrganizations${key}`)} value={number(report.organizations[key])} />
        ))}
      </DescriptionList>

      {report.organizationChanges.length > 0 && (
        <>
          <Title headingLevel="h3" size="md" className="lampss-subtitle">{t('importChangesTitle')}</Title>
          <DataTable label={t('importChangesTitle')} id="import-changes-table">
            <Thead>
              <Tr><Th>{t('colNumber')}</Th><Th>{t('colLine')}</Th><Th>{t('colChange')}</Th><Th>{t('colChanged')}</Th></Tr>
            </Thead>
            <Tbody>
              {report.organizationChanges.map((change) => (
                <Tr key={change.number} data-organization-number={change.number}>
                  <Td dataLabel={t('colNumber')}>{change.number}</Td>
                  <Td dataLabel={t('colLine')}>{change.line}</Td>
                  <Td dataLabel={t('colChange')}>{t(`change${change.change}`)}</Td>
                  <Td dataLabel={t('colChanged')}>{change.changed.map((field) => t(`changed_${field}`)).join(', ')}</Td>
                </Tr>
              ))}
            </Tbody>
          </DataTable>
        </>
      )}

      <Title headingLevel="h3" size="md" className="lampss-subtitle">{t('importRefusedTitle')}</Title>
      {refused === 0 && <TextContent><Text component="p" id="import-no-refusals">{t('importNoRefusals')}</Text></TextContent>}
      {refused > report.refusalsListed && (
        <TextContent><Text component="p" id="import-refusals-listed">{t('importRefusalsListed', { listed: number(report.refusalsListed), total: number(refused) })}</Text></TextContent>
      )}
      {downloadError && <ErrorAlert error={{ ...downloadError, field: null }} />}
      {report.refusals.length > 0 && (
        <>
          <Toolbar id="import-refusal-filters">
            <ToolbarContent>
              <ToolbarItem>
                <FormGroup label={t('importFilterColumn')} fieldId="import-filter-column">
                  <FormSelect id="import-filter-column" value={column} onChange={(_, v) => { setColumn(v); setPage({ ...page, first: 0 }); }}>
                    <FormSelectOption value="" label={t('importFilterAll')} />
                    {columns.map((c) => <FormSelectOption key={c} value={c} label={c || t('importNoColumn')} />)}
                  </FormSelect>
                </FormGroup>
              </ToolbarItem>
              <ToolbarItem>
                <FormGroup label={t('importFilterCode')} fieldId="import-filter-code">
                  <FormSelect id="import-filter-code" value={code} onChange={(_, v) => { setCode(v); setPage({ ...page, first: 0 }); }}>
                    <FormSelectOption value="" label={t('importFilterAll')} />
                    {codes.map((c) => <FormSelectOption key={c} value={c} label={c} />)}
                  </FormSelect>
                </FormGroup>
              </ToolbarItem>
              <ToolbarItem alignSelf="center">
                <Button variant="secondary" icon={<DownloadIcon />} onClick={downloadCsv} id="import-download">{t('importDownload')}</Button>
              </ToolbarItem>
            </ToolbarContent>
          </Toolbar>
          <Paging id="import-refusals-paging" label={t('importRefusedTitle')} total={shown.length} first={page.first} max={page.max}
            onChange={(first, max) => setPage({ first, max })} />
          <DataTable label={t('importRefusedTitle')} id="import-refusals-table">
            <Thead>
              <Tr><Th>{t('colLine')}</Th><Th>{t('colColumn')}</Th><Th>{t('colMessage')}</Th><Th>{t('colDetail')}</Th></Tr>
            </Thead>
            <Tbody>
              {pageOf.length === 0 && <Tr><Td colSpan={4}>{t('importNoRefusalMatches')}</Td></Tr>}
              {pageOf.map((refusal, index) => (
                <Tr key={`${refusal.line}-${refusal.code}-${index}`} data-line={refusal.line} data-code={refusal.code}>
                  <Td dataLabel={t('colLine')}>{refusal.line}</Td>
                  <Td dataLabel={t('colColumn')}>{refusal.column ?? ''}</Td>
                  <Td dataLabel={t('colMessage')}>{refusal.message?.[locale] || refusal.message?.en}</Td>
                  <Td dataLabel={t('colDetail')}>{refusal.detail ?? ''}</Td>
                </Tr>
              ))}
            </Tbody>
          </DataTable>
        </>
      )}
    </PageSection>
  );
}

function Count({ id, term, value }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription id={id}>{value}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

/** The jobs started so far, newest first; each opens its progress or final report. */
function JobHistory() {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const { page, setPage, result, error } = usePagedList(api, (shown) => `/onboarding/jobs${query(shown)}`);
  return (
    <PageSection>
      <Title headingLevel="h2" size="lg" id="import-history-title">{t('importHistoryTitle')}</Title>
      <ErrorAlert error={error && { ...error, field: null }} />
      {result && (
        <>
          <Paging id="import-history-paging" label={t('importHistoryTitle')} total={result.total} first={page.first} max={page.max}
            onChange={(first, max) => setPage({ first, max })} />
          <DataTable label={t('importHistoryTitle')} id="import-history-table">
            <Thead>
              <Tr>
                <Th>{t('colStarted')}</Th><Th>{t('colFile')}</Th><Th>{t('colState')}</Th><Th>{t('colRowsDone')}</Th>
                <Th>{t('colRowsFailed')}</Th><Th>{t('colInvitations')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {result.items.length === 0 && <Tr><Td colSpan={6}>{t('importNoJobs')}</Td></Tr>}
              {result.items.map((job) => (
                <Tr key={job.id} data-job-id={job.id}>
                  <Td dataLabel={t('colStarted')}>
                    <Link to={`/import/${job.id}`} className="import-job-link">{formatTime(job.createdAt, locale)}</Link>
                  </Td>
                  <Td dataLabel={t('colFile')}>{job.fileName ?? ''}</Td>
                  <Td dataLabel={t('colState')} className="import-job-state">{t(`job${job.state}`)}</Td>
                  <Td dataLabel={t('colRowsDone')}>{t('ofTotal', { done: job.rowsDone, total: job.totalRows })}</Td>
                  <Td dataLabel={t('colRowsFailed')}>{job.rowsFailed}</Td>
                  <Td dataLabel={t('colInvitations')}>{t('invitationsSentWaiting', { sent: job.invitationsSent, waiting: job.invitationsWaiting })}</Td>
                </Tr>
              ))}
            </Tbody>
          </DataTable>
        </>
      )}
    </PageSection>
  );
}

import React, { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Button, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, PageSection, Progress,
  ProgressMeasureLocation, Text, TextContent, Title,
} from '@patternfly/react-core';
import { Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { query } from '../api';
import { formatTime, useI18n } from '../i18n';
import { useSession } from '../session';
import { usePagedList } from '../hooks';
import {
  DataTable, ErrorAlert, PageTitle, Paging, StatusAlert,
} from '../components';

/** How often the job is read while it runs. */
const POLL_MS = 1000;
/** The rate is measured over the last polls (about this many seconds). */
const WINDOW = 10;

/**
 * One onboarding job: its progress while it runs (rows done of total, rate, time left), the
 * "Release invitations" button while they are held, and its final report (counts and the rows
 * refused or failed).
 */
export function ImportJobPage() {
  const { t, locale } = useI18n();
  const { api, me } = useSession();
  const { jobId } = useParams();
  const { job, error, rate, setJob } = useJobProgress(api, jobId, me.operationsSupport);
  const [releasing, setReleasing] = useState(false);
  const [releaseError, setReleaseError] = useState(null);
  const rowsDone = !!job && job.state !== 'APPLYING';
  const rows = usePagedList(api, (shown) => `/onboarding/jobs/${encodeURIComponent(jobId)}/rows${query({ outcome: 'REFUSED,FAILED', ...shown })}`,
    me.operationsSupport && rowsDone);
  const { reload } = rows;
  const done = job?.state === 'DONE';
  useEffect(() => {
    if (done) {
      reload();
    }
  }, [done, reload]);

  if (!me.operationsSupport) {
    return <PageTitle title={t('notAllowed')} />;
  }
  const number = (n) => Number(n || 0).toLocaleString(locale === 'fr' ? 'fr-CA' : 'en-CA');
  const release = async () => {
    setReleasing(true);
    try {
      setJob(await api.post(`/onboarding/jobs/${encodeURIComponent(jobId)}/release`));
      setReleaseError(null);
    } catch (refusal) {
      setReleaseError(refusal);
    } finally {
      setReleasing(false);
    }
  };

  return (
    <>
      <PageTitle title={t('importJobTitle')} intro={job ? t('importJobIntro', { file: job.fileName || '', time: formatTime(job.createdAt, locale) }) : null} />
      <PageSection>
        <TextContent><Text component="p"><Link to="/import" id="import-back">{t('importBack')}</Link></Text></TextContent>
        <ErrorAlert error={error && { ...error, field: null }} />
        <ErrorAlert error={releaseError && { ...releaseError, field: null }} />
        {job && (
          <>
            <DescriptionList isHorizontal isCompact id="import-job-summary">
              <Item id="import-job-state" term={t('colState')} value={t(`job${job.state}`)} />
              <Item id="import-job-invitations" term={t('importInvitationsMode')}
                value={job.invitations === 'HOLD' ? t('importInvitationsHOLD') : t('importInvitationsSEND', {
                  rate: job.ratePerMinute ? t('importPerMinute', { rate: number(job.ratePerMinute) }) : t('importNoLimit'),
                })} />
            </DescriptionList>
            <Progress id="import-progress" className="lampss-progress" title={t('importProgressTitle')} value={job.rowsDone} min={0}
              max={Math.max(job.totalRows, 1)} measureLocation={ProgressMeasureLocation.outside}
              label={t('ofTotal', { done: number(job.rowsDone), total: number(job.totalRows) })}
              valueText={t('importRowsOf', { done: number(job.rowsDone), total: number(job.totalRows) })}
              variant={done && job.rowsFailed > 0 ? 'warning' : done ? 'success' : undefined} />
            {job.state === 'APPLYING' && (
              <DescriptionList isHorizontal isCompact id="import-job-speed">
                <Item id="import-rate" term={t('importRateTerm')}
                  value={rate ? t('importRowsPerSecond', { rate: rate.toLocaleString(locale === 'fr' ? 'fr-CA' : 'en-CA', { maximumFractionDigits: 1 }) }) : t('importMeasuring')} />
                <Item id="import-time-left" term={t('importTimeLeft')}
                  value={rate ? duration((job.totalRows - job.rowsDone) / rate, t) : t('importMeasuring')} />
              </DescriptionList>
            )}
            {(job.state === 'SENDING' || job.invitationsSent > 0) && (
              <Progress id="import-invitations-progress" className="lampss-progress" title={t('importInvitationsProgress')}
                value={job.invitationsSent} min={0} max={Math.max(job.invitationsSent + job.invitationsWaiting, 1)}
                measureLocation={ProgressMeasureLocation.outside}
                label={t('ofTotal', { done: number(job.invitationsSent), total: number(job.invitationsSent + job.invitationsWaiting) })} />
            )}
            {job.state === 'HELD' && (
              <>
                <StatusAlert id="import-held" headingLevel="h2" title={t('importHeld', { count: number(job.invitationsWaiting) })} />
                <Button variant="primary" id="import-release" onClick={release} isAriaDisabled={releasing} isLoading={releasing}
                  className="lampss-release">{t('importRelease')}</Button>
              </>
            )}
            {done && <FinalReport job={job} number={number} />}
            {rowsDone && <RefusedRows rows={rows} />}
          </>
        )}
      </PageSection>
    </>
  );
}

/**
 * Reads the job every second until it is done; the rate (rows per second) over the last polls
 * (none until the screen has seen rows being done).
 */
function useJobProgress(api, jobId, enabled) {
  const [job, setJob] = useState(null);
  const [error, setError] = useState(null);
  const samples = useRef([]);
  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    let stopped = false;
    let timer = null;
    samples.current = [];
    const poll = () => api.get(`/onboarding/jobs/${encodeURIComponent(jobId)}`)
      .then((found) => {
        if (stopped) {
          return;
        }
        samples.current = [...samples.current, { at: Date.now(), done: found.rowsDone }].slice(-(WINDOW + 1));
        setJob(found);
        setError(null);
        if (found.state !== 'DONE') {
          timer = setTimeout(poll, POLL_MS);
        }
      })
      .catch((refusal) => {
        if (stopped) {
          return;
        }
        setError(refusal);
        if (!refusal.status || refusal.status >= 500) {
          timer = setTimeout(poll, POLL_MS);
        }
      });
    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, jobId, enabled]);

  let rate = null;
  const seen = samples.current;
  if (job && job.state === 'APPLYING') {
    const first = seen[0];
    const last = seen[seen.length - 1];
    // Not since createdAt: the rows refused by the checks count as done from the start.
    if (seen.length >= 2 && last.at > first.at && last.done > first.done) {
      rate = (last.done - first.done) / ((last.at - first.at) / 1000);
    }
  }
  // setJob: the answer of a release shows at once, before the next poll.
  return { job, error, rate, setJob };
}

/** Seconds as "1 h 5 min", "3 min 20 s" or "12 s". */
function duration(seconds, t) {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) {
    return t('durationHours', { h, m });
  }
  if (m > 0) {
    return t('durationMinutes', { m, s: s % 60 });
  }
  return t('durationSeconds', { s });
}

function FinalReport({ job, number }) {
  const { t, locale } = useI18n();
  const took = job.finishedAt ? (job.finishedAt - job.createdAt) / 1000 : null;
  return (
    <>
      <StatusAlert id="import-done" headingLevel="h2" title={t('importDone')} />
      <Title headingLevel="h2" size="lg" className="lampss-subtitle">{t('importFinalTitle')}</Title>
      <DescriptionList isHorizontal isCompact id="import-final">
        <Item id="import-final-rows" term={t('importRows')} value={number(job.totalRows)} />
        <Item id="import-final-applied" term={t('importApplied')} value={number(job.rowsDone - job.rowsFailed)} />
        <Item id="import-final-failed" term={t('colRowsFailed')} value={number(job.rowsFailed)} />
        <Item id="import-final-sent" term={t('importInvitationsSent')} value={number(job.invitationsSent)} />
        <Item id="import-final-not-sent" term={t('importInvitationsNotSent')} value={number(job.invitationsNotSent)} />
        <Item id="import-final-finished" term={t('importFinished')} value={formatTime(job.finishedAt, locale)} />
        {took !== null && <Item id="import-final-took" term={t('importTook')} value={duration(took, t)} />}
      </DescriptionList>
    </>
  );
}

/** The rows refused by the checks or failed when applied, in line order. */
function RefusedRows({ rows }) {
  const { t } = useI18n();
  const { page, setPage, result, error } = rows;
  return (
    <>
      <Title headingLevel="h2" size="lg" className="lampss-subtitle" id="import-job-refused-title">{t('importJobRefusedTitle')}</Title>
      <ErrorAlert error={error && { ...error, field: null }} />
      {result && (
        <>
          <Paging id="import-job-rows-paging" label={t('importJobRefusedTitle')} total={result.total} first={page.first} max={page.max}
            onChange={(first, max) => setPage({ first, max })} />
          <DataTable label={t('importJobRefusedTitle')} id="import-job-rows-table">
            <Thead>
              <Tr>
                <Th>{t('colLine')}</Th><Th>{t('colNumber')}</Th><Th>{t('colEmail')}</Th><Th>{t('colOutcome')}</Th>
                <Th>{t('colColumn')}</Th><Th>{t('colMessage')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {result.items.length === 0 && <Tr><Td colSpan={6}>{t('importNoFailedRows')}</Td></Tr>}
              {result.items.map((row) => (
                <Tr key={row.line} data-line={row.line} data-outcome={row.outcome}>
                  <Td dataLabel={t('colLine')}>{row.line}</Td>
                  <Td dataLabel={t('colNumber')}>{row.organizationNumber ?? ''}</Td>
                  <Td dataLabel={t('colEmail')}>{row.email ?? ''}</Td>
                  <Td dataLabel={t('colOutcome')}>{t(`outcome${row.outcome}`)}</Td>
                  <Td dataLabel={t('colColumn')}>{row.column ?? ''}</Td>
                  <Td dataLabel={t('colMessage')}>{row.message ?? ''}</Td>
                </Tr>
              ))}
            </Tbody>
          </DataTable>
        </>
      )}
    </>
  );
}

function Item({ id, term, value }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription id={id}>{value}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

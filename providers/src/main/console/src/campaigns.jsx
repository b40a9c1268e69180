import React, { useCallback, useEffect, useState } from 'react';
import { Label } from '@patternfly/react-core';
import { useI18n } from './i18n';

/** Recertification campaigns (issue 15): their states, in the API's order. */
export const CAMPAIGN_STATES = ['OPEN', 'DUE_SOON', 'OVERDUE', 'DONE'];
const CAMPAIGN_COLOURS = {
  OPEN: 'blue', DUE_SOON: 'orange', OVERDUE: 'red', DONE: 'green',
};
const REVIEW_COLOURS = {
  PENDING: 'blue', CONFIRMED: 'green', CHANGED: 'cyan', DEACTIVATED: 'grey', FLAGGED: 'orange',
};

/** A campaign still taking reviews (not signed off). */
export const isOpen = (campaign) => campaign && campaign.state !== 'DONE';

/** A campaign's state in words (the colour only repeats them). */
export function CampaignState({ state, id }) {
  const { t } = useI18n();
  return <Label color={CAMPAIGN_COLOURS[state]} isCompact id={id} className="lampss-campaign-state">{t(`campaign${state}`)}</Label>;
}

/** A contact's review status in words. */
export function ReviewStatus({ review }) {
  const { t } = useI18n();
  return <Label color={REVIEW_COLOURS[review]} isCompact className="lampss-review">{t(`review${review}`)}</Label>;
}

/**
 * The organization's latest campaign (GET .../campaign): undefined while loading, null when there is
 * none to show (404, or a refusal, which is then the error; a 404 is no error).
 */
export function useCampaign(api, organizationId) {
  const [campaign, setCampaign] = useState(undefined);
  const [error, setError] = useState(null);
  const reload = useCallback(() => api.get(`/organizations/${organizationId}/campaign`)
    .then((found) => {
      setCampaign(found);
      setError(null);
    })
    .catch((refusal) => {
      setCampaign(null);
      setError(refusal.status === 404 ? null : refusal);
    }), [api, organizationId]);
  useEffect(() => {
    reload();
  }, [reload]);
  return {
    campaign, setCampaign, error, reload,
  };
}

import { useCallback, useEffect, useState } from 'react';
import { refocusIfLost } from './focus';

/**
 * A list read a page at a time (first/max) from the API: the page shown, the server's answer
 * ({items, total}) and the refusal, if any. It loads when the address changes (a filter, the page,
 * the language of {@code api}); a successful load clears the error.
 *
 * @param api the session's API
 * @param address the list's path for a page ({first, max}) => string; nothing loads when {@code enabled} is false
 * @returns {page, setPage, firstPage (back to the first page, same size), result, error, setError, reload}
 */
export function usePagedList(api, address, enabled = true) {
  const [page, setPage] = useState({ first: 0, max: 20 });
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const path = enabled ? address(page) : null;

  const reload = useCallback(() => (path === null ? Promise.resolve() : api.get(path)
    .then((found) => {
      setResult(found);
      setError(null);
    })
    .catch(setError)), [api, path]);
  useEffect(() => {
    reload();
  }, [reload]);

  const firstPage = () => setPage({ ...page, first: 0 });
  return { page, setPage, firstPage, result, error, setError, reload };
}

/**
 * A form's submission: the busy flag, the refusal (the required fields left empty, or the server's)
 * and the focus on the first field in error.
 *
 * {@code submit(event, {check, work, failed})}: {@code check()} returns the missing fields (see
 * missingFields) or nothing; when none is missing, {@code work()} makes the calls (a promise) and
 * its rejection becomes the error; {@code failed(error)} is told of either kind of error.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  useFocusOnError(error);

  const submit = async (event, { check, work, failed }) => {
    event.preventDefault();
    const missing = (check && check()) || null;
    setError(missing);
    if (missing) {
      failed?.(missing);
      return;
    }
    setBusy(true);
    try {
      await work();
    } catch (refusal) {
      setError(refusal);
      failed?.(refusal);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}

/** Takes the person to the first field in error (client checks name several, the server one). */
function useFocusOnError(error) {
  useEffect(() => {
    const first = error?.fields ? Object.keys(error.fields)[0] : error?.field;
    if (first) {
      document.getElementById(first)?.focus();
    }
  }, [error]);
}

/**
 * For a change that may remove the focused control (a row's buttons once it is reviewed, a dialog's
 * opener): call the returned function once the screen's data is reloaded; after that render, a lost
 * focus goes to the element of id {@code targetId} (a heading with tabIndex -1).
 */
export function useRefocus(targetId) {
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (round) {
      refocusIfLost(document.getElementById(targetId));
    }
  }, [round, targetId]);
  return useCallback(() => setRound((previous) => previous + 1), []);
}

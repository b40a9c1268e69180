/** A refusal of the LaMPSS REST API: {error, field, message}, the message already in the person's language. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
    this.code = body?.error || null;
    this.field = body?.field || null;
    /** A file refused as a whole: the line at fault, and what was found there. */
    this.line = body?.line ?? null;
    this.detail = body?.detail ?? null;
  }
}

/** Calls /realms/{realm}/lampss/... with the person's own token, in their language. */
export function createApi(auth, locale) {
  const base = `${auth.where.serverUrl}/realms/${encodeURIComponent(auth.where.realm)}/lampss`;

  async function call(method, path, body, accept = 'application/json', contentType = 'application/json') {
    const headers = {
      Authorization: `Bearer ${await auth.token()}`,
      'Accept-Language': locale,
      Accept: accept,
    };
    if (body !== undefined) {
      headers['Content-Type'] = contentType;
    }
    const json = contentType === 'application/json';
    const response = await fetch(base + path, {
      method,
      headers,
      body: body === undefined || !json ? body : JSON.stringify(body),
    });
    if (!response.ok) {
      let error = null;
      try {
        error = await response.json();
      } catch {
        // not our JSON error body (e.g. a proxy's page): the status alone says it
      }
      throw new ApiError(response.status, error);
    }
    return accept === 'application/json' ? response.json() : response.text();
  }

  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    del: (path) => call('DELETE', path),
    text: (path, accept) => call('GET', path, undefined, accept),
    /** POSTs a file (a File or Blob: its bytes as they are) as CSV; the answer as JSON, or as text for another Accept. */
    upload: (path, file, accept = 'application/json') => call('POST', path, file, accept, 'text/csv'),
  };
}

/** Query string of the defined values. */
export function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      q.set(key, String(value));
    }
  });
  const s = q.toString();
  return s ? `?${s}` : '';
}

// The session (this browser tab only), the API client and a fresh idempotency key per action.

const SESSION = 'commons-desk';

export const session = {
  get: () => JSON.parse(sessionStorage.getItem(SESSION) ?? 'null'),
  set: (value) => sessionStorage.setItem(SESSION, JSON.stringify(value)),
  /** a shared computer: nothing of this person stays in the tab */
  clear: () => sessionStorage.clear(),
};

/**
 * A fresh idempotency key. Not crypto.randomUUID(): a hub's LAN serves plain HTTP, where a browser
 * offers that only on localhost; getRandomValues works everywhere.
 */
export function newKey() {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A refusal of the API, with its problem (code, detail, errors) for the plain-words catalogue. */
export class Refusal extends Error {
  constructor(problem, status) {
    super(problem.detail ?? problem.title ?? String(status));
    this.problem = problem;
    this.status = status;
  }
}

/** One API call as the signed-in person; a command gets its own idempotency key unless given one. */
export async function api(method, path, body, { key } = {}) {
  const { token } = session.get() ?? {};
  const headers = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['idempotency-key'] = key ?? newKey();
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new Refusal({ code: 'offline' }, 0);
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Refusal(data, response.status);
  return data;
}

/** The signed-in person's hub, as an API path. */
export const hubPath = (suffix = '') => `/hubs/${encodeURIComponent(session.get().hubId)}${suffix}`;

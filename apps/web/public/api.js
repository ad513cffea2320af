// Shared by every section of the page: the element finder, the session and the API client.
export const $ = (id) => document.getElementById(id);
export const session = {
  get: () => JSON.parse(sessionStorage.getItem('commons') ?? 'null'),
  set: (value) => sessionStorage.setItem('commons', JSON.stringify(value)),
  clear: () => sessionStorage.removeItem('commons'),
};


/**
 * A fresh idempotency key. Not crypto.randomUUID(): a hub's LAN serves plain HTTP, where a browser
 * offers that only on localhost; getRandomValues works everywhere.
 */
export function newKey() {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function api(method, path, body, extraHeaders = {}) {
  const { token } = session.get() ?? {};
  const response = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...extraHeaders },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(data.detail ?? response.statusText), { problem: data });
  return data;
}


/** The signed-in person's hub, as an API path. */
export const hubPath = () => `/hubs/${encodeURIComponent(session.get().hubId)}`;

/** A button that does `onClick`; its text says what it does to whom, for every reader. */
export function button(text, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}

// Sections are addressed by the hash (#/record?way=pay&member=bob): one section may send a person
// to another with what they chose already filled in.

export function routeParams() {
  const hash = location.hash.replace(/^#\/?/, '');
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

export function go(path, params = {}) {
  const query = new URLSearchParams(params).toString();
  location.hash = `#/${path}${query ? `?${query}` : ''}`;
}

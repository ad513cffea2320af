import { FastifyInstance } from 'fastify';

export const BODY_LIMIT_BYTES = 64 * 1024; // no ledger command is near this; larger bodies are abuse
export const IMPORT_BODY_LIMIT_BYTES = 4 * 1024 * 1024; // an existing time bank's files: some 10,000 members
export const JSON_DEPTH_MAX = 16; // no command nests deeper than 3; deep nesting only costs the parser and validator

/** Deepest nesting of arrays and objects in JSON text, found without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) deepest = Math.max(deepest, ++depth);
    else if (c === 125 || c === 93) depth -= 1;
  }
  return deepest;
}

/**
 * Bodies are JSON and nothing else: every other media type (text/plain, forms) is refused with
 * 415 before anything reads it; a body past BODY_LIMIT_BYTES (an import's, past its own larger
 * limit) with 413 (Fastify counts as it reads), and JSON nested deeper than JSON_DEPTH_MAX with 400, before it is parsed.
 */
export function boundJsonBodies(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  // the import route's own limit, set as Nest registers it (after this hook)
  fastify.addHook('onRoute', (route) => {
    if (route.method === 'POST' && route.url === '/hubs/:hubId/imports') route.bodyLimit = IMPORT_BODY_LIMIT_BYTES;
  });
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (jsonDepth(text) > JSON_DEPTH_MAX) {
      done(Object.assign(new Error(`JSON nested deeper than ${JSON_DEPTH_MAX} levels`), { statusCode: 400 }), undefined);
      return;
    }
    try {
      done(null, text === '' ? undefined : JSON.parse(text));
    } catch {
      done(Object.assign(new Error('body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });
}

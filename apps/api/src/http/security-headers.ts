import { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/** Where the service is reached: over plain HTTP on a hub's LAN (the default), or over HTTPS. */
export interface Transport {
  /** the operator says browsers reach the service over HTTPS (a proxy in front terminates TLS) */
  https: boolean;
}

// The members' app: its own scripts, styles, manifest and worker only; nothing inline, no form posts.
const APP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  workerSrc: ["'self'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

// the Swagger UI at /docs inlines its styles and start-up script: those exceptions stay there
const DOCS_DIRECTIVES = { ...APP_DIRECTIVES, scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"], formAction: ["'self'"] };

/**
 * Helmet's headers, computed once at start-up and set on every reply (running helmet per request
 * re-parses its policy each time). Over plain HTTP there is neither HSTS nor
 * `upgrade-insecure-requests`: a browser told to upgrade asks a hub laptop for https:// it does
 * not serve, and the page is dead.
 */
export function securityHeaders(transport: Transport, directives: Record<string, string[]> = APP_DIRECTIVES): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  const middleware = helmet({
    hsts: transport.https ? { maxAge: 180 * 24 * 60 * 60 } : false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...directives, ...(transport.https ? { upgradeInsecureRequests: [] } : {}) },
    },
  });
  middleware({} as never, response as never, () => undefined);
  return headers;
}

export function addSecurityHeaders(fastify: FastifyInstance, transport: Transport): void {
  const app = securityHeaders(transport);
  const docs = securityHeaders(transport, DOCS_DIRECTIVES);
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.headers(request.url === '/docs' || request.url.startsWith('/docs/') ? docs : app);
  });
}

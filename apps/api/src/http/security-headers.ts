import { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's headers, computed once at start-up and set on every reply. Running helmet per
 * request re-parses its policy each time; these headers never change while the server runs.
 */
export function securityHeaders(): Record<string, string> {
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
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // the Swagger UI at /docs inlines its styles and start-up script
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  middleware({} as never, response as never, () => undefined);
  return headers;
}

export function addSecurityHeaders(fastify: FastifyInstance): void {
  const headers = securityHeaders();
  fastify.addHook('onRequest', async (_request, reply) => {
    void reply.headers(headers);
  });
}

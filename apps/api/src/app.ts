import { Logger, LoggerService, ServiceUnavailableException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Clock, systemClock } from '@commons/application';
import { EventStore } from '@commons/event-store';
import { AppModule } from './app.module';
import { ServiceConfig } from './config';
import { ServiceMetrics } from './health/metrics';
import { BODY_LIMIT_BYTES, boundJsonBodies } from './http/json-body';
import { logRequests } from './http/request-log';
import { addSecurityHeaders } from './http/security-headers';
import { validationPipe } from './http/validation';
import { sendProblem } from './http/problem.filter';
import { serveFrontDesk } from './http/front-desk';
import { Lifecycle } from './lifecycle';
import { completeDocument } from './openapi/complete-document';
import { recordRoutes } from './http/registered-routes';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const frameworkLogger = new Logger('Problem');

export interface AppOptions {
  clock?: Clock;
  logger?: LoggerService | false;
  /** where the JSON request log goes (pino); none: no request log */
  requestLog?: NodeJS.WritableStream | 'stdout';
  /** an event store opened already (EventStoreDB); none: the SQLite file in DATA_DIR */
  store?: EventStore;
}

/** The whole service on the embedded store, ready to listen; used by main.ts and by the e2e tests. */
export async function createApp(config: ServiceConfig, options: AppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // while draining, the Lifecycle hook below answers 503 as a problem; in-flight requests finish
    return503OnClosing: false,
    trustProxy: config.trustProxy,
    // Fastify's own refusals (a path segment too long, a malformed URL) are problems like any other
    frameworkErrors: (error: Error, _request: FastifyRequest, reply: FastifyReply) => sendProblem(reply, error, frameworkLogger),
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-correlation-id'];
      return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
    },
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.clock ?? systemClock, options.store), adapter, {
    logger: options.logger ?? ['log', 'warn', 'error'],
    bodyParser: false, // ours: boundJsonBodies below
  });
  app.useGlobalPipes(validationPipe());
  const fastify = app.getHttpAdapter().getInstance();
  recordRoutes(fastify);
  addSecurityHeaders(fastify, { https: config.https });
  boundJsonBodies(fastify);
  app.get(ServiceMetrics).instrument(fastify);
  if (options.requestLog) logRequests(fastify, options.requestLog);
  const lifecycle = app.get(Lifecycle);
  fastify.addHook('onRequest', async (_request, reply) => {
    if (lifecycle.draining) {
      void reply.header('connection', 'close');
      throw new ServiceUnavailableException({ code: 'unavailable', message: 'the service is shutting down; try again' });
    }
  });
  const document = completeDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Commons Ledger')
        .setDescription(
          'Time-bank hours, contributions and savings-pool loans of mutual-aid hubs, as immutable events. JSON in and out; amounts are decimal strings; every refusal is application/problem+json with a machine-readable code (README, "HTTP in brief").',
        )
        .setVersion('0.1.0')
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await serveFrontDesk(app);
  app.enableShutdownHooks();
  await app.init();
  return app;
}

import { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  method: string;
  /** Fastify's form: /hubs/:hubId/members */
  url: string;
}

const registered = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Keeps every route the server registers, as Fastify registers it, so a test can hold the OpenAPI document to all of them. */
export function recordRoutes(fastify: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  registered.set(fastify, routes);
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
}

export function registeredRoutes(fastify: FastifyInstance): readonly RegisteredRoute[] {
  return registered.get(fastify) ?? [];
}

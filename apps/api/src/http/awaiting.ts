import { FastifyReply } from 'fastify';

/** A change that waits for a second officer is accepted, not done: `202` (API.md, "Separation of duties"). */
export function answer<Body extends object>(reply: FastifyReply, body: Body): Body {
  if ((body as { status?: unknown }).status === 'awaiting_confirmation') void reply.status(202);
  return body;
}

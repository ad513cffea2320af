/** Who asked, and how to recognise the request again: copied into every event's metadata. */
export interface CommandContext {
  /** member id, or 'admin' */
  actor: string;
  correlationId: string;
  /** ISO-8601, read once from the clock at the edge */
  at: string;
  idempotencyKey?: string;
  /** whose key it is (idempotencyScope): recorded with the key, never in an event */
  idempotencyScope?: string;
  requestHash?: string;
}

/** What a handler answers: the command's response body and the position of its last event. */
export interface CommandResult<Body> {
  body: Body;
  position: number;
}

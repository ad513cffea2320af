/** The only place the server reads the time; tests inject their own so replays and as-of figures are exact. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('Clock');

export const systemClock: Clock = { now: () => new Date() };

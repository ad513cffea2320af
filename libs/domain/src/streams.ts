/** Stream names: one consistency boundary each (ARCHITECTURE.md). */
export const hubStream = (hubId: string) => `hub-${hubId}`;
export const timeBankStream = (hubId: string) => `timebank-${hubId}`;
export const poolStream = (hubId: string) => `pool-${hubId}`;
export const fundStream = (hubId: string) => `fund-${hubId}`;
export const listingsStream = (hubId: string) => `listings-${hubId}`;
export const thingsStream = (hubId: string) => `things-${hubId}`;

const STREAM_NAME = /^(hub|timebank|pool|fund|listings|things)-(.+)$/;

/** The hub a stream belongs to, for projections and audits that follow `$all`. */
export function hubOfStream(streamId: string): string | null {
  return STREAM_NAME.exec(streamId)?.[2] ?? null;
}

/** Every stream of one hub. */
export const hubStreams = (hubId: string) => [hubStream(hubId), timeBankStream(hubId), poolStream(hubId), fundStream(hubId), listingsStream(hubId), thingsStream(hubId)];

import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { hubStreams } from '@commons/domain';
import { inSlices } from '../slices';
import { EVENT_STORE, EventStore, RecordedEvent, VerifyReport, historyToVerify, verifyHistory } from '@commons/event-store';

export interface AuditEventsPage {
  events: RecordedEvent[];
  /** pass as `after` for the next page; null on the last page */
  next: number | null;
}

export class GetAuditEventsQuery extends Query<AuditEventsPage> {
  constructor(
    readonly hubId: string,
    readonly after: number,
    readonly limit: number,
  ) {
    super();
  }
}

/** A hub's events in global order, as stored: data, metadata and hash, so an auditor can check each chain. */
@QueryHandler(GetAuditEventsQuery)
export class GetAuditEventsHandler implements IQueryHandler<GetAuditEventsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ hubId, after, limit }: GetAuditEventsQuery): Promise<AuditEventsPage> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readAll({ after, maxCount: limit, streams: hubStreams(hubId) })) events.push(event);
    return { events, next: events.length === limit ? events[events.length - 1].position : null };
  }
}

export class VerifyLedgerQuery extends Query<VerifyReport> {
  /** `hubId`: verify that hub's streams only (an auditor's view); none: the whole ledger */
  constructor(readonly hubId: string | null) {
    super();
  }
}

@QueryHandler(VerifyLedgerQuery)
export class VerifyLedgerHandler implements IQueryHandler<VerifyLedgerQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ hubId }: VerifyLedgerQuery): Promise<VerifyReport> {
    const streams = hubId === null ? undefined : hubStreams(hubId);
    const heads = await this.store.streamHeads?.();
    if (heads && streams) for (const streamId of [...heads.keys()]) if (!streams.includes(streamId)) heads.delete(streamId);
    // one hub's streams are not the whole log: only the admin's verify checks the log chain; in slices, so other requests are served meanwhile
    return verifyHistory(inSlices(historyToVerify(this.store, streams ? { streams } : {})), { recordedHeads: heads, wholeLog: streams === undefined });
  }
}

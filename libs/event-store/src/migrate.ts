import { EventStore, NewEvent, RecordedEvent } from './event-store';

const APPEND_BATCH_MAX = 500; // consecutive events of one stream copied in one append

export interface CopyReport {
  events: number;
  streams: number;
}

/**
 * Copies every event, in `$all` order, into an empty store: same ids, types, data, metadata and
 * stream revisions, so the target computes the very same hash chain. Then reads both back and
 * fails on the first event whose hash differs.
 */
export async function copyHistory(source: EventStore, target: EventStore, progress: (copied: number) => void = () => undefined): Promise<CopyReport> {
  if ((await target.headPosition()) !== 0) throw new Error('the target store is not empty');
  const streams = new Set<string>();
  let copied = 0;
  let batch: { streamId: string; firstRevision: number; events: NewEvent[] } | null = null;
  const flush = async () => {
    if (!batch) return;
    const expectedRevision = batch.firstRevision === 0 ? 'no_stream' : batch.firstRevision - 1;
    await target.append(batch.streamId, batch.events, { expectedRevision });
    copied += batch.events.length;
    progress(copied);
    batch = null;
  };
  for await (const event of source.readAll()) {
    streams.add(event.streamId);
    const copy: NewEvent = { id: event.id, type: event.type, data: event.data, metadata: event.metadata };
    if (batch && batch.streamId === event.streamId && batch.events.length < APPEND_BATCH_MAX) batch.events.push(copy);
    else {
      await flush();
      batch = { streamId: event.streamId, firstRevision: event.revision, events: [copy] };
    }
  }
  await flush();

  const targetEvents = target.readAll()[Symbol.asyncIterator]();
  for await (const original of source.readAll()) {
    const next = await targetEvents.next();
    const copy = next.done ? null : (next.value as RecordedEvent);
    if (!copy || copy.id !== original.id || copy.hash !== original.hash || copy.revision !== original.revision) {
      throw new Error(`the copy differs at event ${original.id} (stream ${original.streamId}, revision ${original.revision})`);
    }
  }
  return { events: copied, streams: streams.size };
}

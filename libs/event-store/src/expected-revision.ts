import { ExpectedRevision, WrongExpectedRevision } from './event-store';

/** Why an append's expectation fails on the stream's actual revision (undefined: no stream), or null when it holds. */
export function expectationProblem(streamId: string, expected: ExpectedRevision, actual: number | undefined): WrongExpectedRevision | null {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === undefined) ||
    (expected === 'stream_exists' && actual !== undefined) ||
    (typeof expected === 'number' && actual === expected);
  return ok ? null : new WrongExpectedRevision(streamId, expected, actual ?? 'no_stream');
}

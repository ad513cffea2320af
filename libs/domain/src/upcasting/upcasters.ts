import { LedgerEvent } from './ledger-event';

type Data = Record<string, unknown>;
/** One version step of one event type's data: pure, and never applied to what is stored. */
export type Upcaster = (data: Data) => Data;

/**
 * Each event type's schema version, as written now (in every event's `metadata.schemaVersion`),
 * and the steps that bring an older shape up to it: `UPCASTERS[type][n]` takes version n+1 to n+2.
 */
export const SCHEMA_VERSIONS: Partial<Record<LedgerEvent['type'], number>> = {
  MoneyContributed: 2,
  LoanApplied: 2,
};

export const UPCASTERS: Partial<Record<LedgerEvent['type'], Upcaster[]>> = {
  // v1, before earmarks: the general fund, no project
  MoneyContributed: [(data) => ({ ...data, fund: data.fund ?? 'general', projectId: data.projectId ?? null, phase: data.phase ?? null })],
  // v1, before phases: a loan named no phase
  LoanApplied: [(data) => ({ ...data, phase: data.phase ?? null })],
};

/** The schema version this release writes for `type`. */
export const schemaVersionOf = (type: string): number => SCHEMA_VERSIONS[type as LedgerEvent['type']] ?? 1;

/**
 * The body of each success, by operation and status: first inferred from every answer the e2e
 * suites received (types, and the fields every answer had as required), then read and corrected
 * by hand. The authorization matrix checks each answer it gets against these, so they cannot drift.
 */
import { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { HUB_ANSWERS } from './answers/hubs';
import { TIME_BANK_ANSWERS } from './answers/time-bank';
import { BOARD_ANSWERS } from './answers/board';
import { POOL_ANSWERS } from './answers/pool';
import { FUNDS_ANSWERS } from './answers/funds';
import { REPORT_ANSWERS } from './answers/reports';
import { THING_ANSWERS } from './answers/things';
import { AUDIT_AND_HEALTH_ANSWERS } from './answers/audit-and-health';

export { SHARED_SCHEMAS } from './answers/shared';

export const SUCCESS_SCHEMAS: Readonly<Record<string, Readonly<Record<number, SchemaObject | ReferenceObject>>>> = {
  ...HUB_ANSWERS,
  ...TIME_BANK_ANSWERS,
  ...BOARD_ANSWERS,
  ...POOL_ANSWERS,
  ...FUNDS_ANSWERS,
  ...REPORT_ANSWERS,
  ...THING_ANSWERS,
  ...AUDIT_AND_HEALTH_ANSWERS,
};

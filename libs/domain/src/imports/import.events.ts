import { DomainEvent } from '../decider';

/**
 * An existing time bank's members and opening balances were brought in, named by `importId`
 * (a digest of the files, so the same files are imported once). The members' MemberEnrolled and
 * the opening balances' HoursPaid that follow in the same append carry the same `importId`.
 */
export type TimeBankImported = DomainEvent<
  'TimeBankImported',
  { importId: string; members: number; balances: number; importedBy: string; at: string }
>;

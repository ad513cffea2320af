import { HUB_ACCOUNT, LedgerEvent, hubOfStream, isFundEntry, isPoolEntry, isTimeBankEntry, toDomainEvent } from '@commons/domain';
import { RecordedEvent } from '@commons/event-store';
import { csvRow } from '../csv';

/**
 * One account moved by one event: `account` is `<member>:<kind>`, the hub's own `@hub:…` accounts,
 * or `@financing:<id>`, what the hub owes one outside lender (negative while it owes).
 */
export interface Posting {
  account: string;
  /** signed: what the account gains (+) or loses (−) */
  amount: string;
  /** HOUR, or the hub's currency code (USD) for its money */
  unit: string;
}

export interface JournalLine {
  position: number;
  time: string;
  hub: string | null;
  stream: string;
  revision: number;
  type: string;
  actor: string;
  postings: Posting[];
  hash: string;
  /** a reversal names the position of the entry it moves back */
  reverses: number | null;
  /** who did it, by name as it stood then: a member's display name, "the admin" or "the ledger" */
  actorName: string | null;
}

const negate = (amount: string) => (amount.startsWith('-') ? amount.slice(1) : `-${amount}`);

/**
 * The postings an event makes, so an auditor can add up every account from the journal alone:
 * hours between members and the hub's time account, savings, loans and the pool's cash, the fund.
 */
export function postingsOf(recorded: RecordedEvent, currency: string): Posting[] {
  const event = toDomainEvent(recorded);
  if (event.type === 'EntryReversed') {
    // exactly the original's postings, the other way
    return entryPostings(event.data.entry, currency).map((posting) => ({ ...posting, amount: negate(posting.amount) }));
  }
  return entryPostings(event, currency);
}

function entryPostings(e: LedgerEvent, currency: string): Posting[] {
  const hours = (account: string, amount: string): Posting => ({ account: `${account}:hours`, amount, unit: 'HOUR' });
  const money = (account: string, amount: string): Posting => ({ account, amount, unit: currency });
  if (isTimeBankEntry(e)) {
    switch (e.type) {
      case 'HoursPaid':
        return [hours(e.data.fromMemberId, negate(e.data.hours)), hours(e.data.toMemberId, e.data.hours)];
      case 'GroupHoursPaid':
        return e.data.payments.flatMap((payment) => [hours(payment.fromMemberId, negate(payment.hours)), hours(payment.toMemberId, payment.hours)]);
      case 'VolunteerHoursPaid':
        return [hours(HUB_ACCOUNT, negate(e.data.hours)), hours(e.data.memberId, e.data.hours)];
      default: {
        const unhandled: never = e;
        throw new TypeError(`unhandled event ${(unhandled as { type: string }).type}`);
      }
    }
  }
  if (isPoolEntry(e)) {
    switch (e.type) {
      case 'SavingsDeposited':
        return [money(`${e.data.memberId}:savings`, e.data.amount), money('@hub:pool-cash', e.data.amount)];
      case 'SavingsWithdrawn':
        return [money(`${e.data.memberId}:savings`, negate(e.data.amount)), money('@hub:pool-cash', negate(e.data.amount))];
      case 'LoanDisbursed':
        return [money(`${e.data.borrowerId}:loans`, e.data.amount), money('@hub:pool-cash', negate(e.data.amount))];
      case 'LoanRepaymentReceived':
        return [
          money(`${e.data.borrowerId}:loans`, negate(e.data.principal)),
          money('@hub:pool-cash', e.data.amount),
          money('@hub:pool-interest', e.data.interest),
        ];
      case 'LoanWrittenOff':
        return [money(`${e.data.borrowerId}:loans`, negate(e.data.principal)), money('@hub:pool-written-off', e.data.principal)];
      case 'LoanApplied':
      case 'LoanApprovalGiven':
      case 'LoanApproved':
      case 'LoanRejected':
      case 'LoanCancelled':
      case 'LoanRepaid':
      case 'LoanWriteOffVoted':
        return [];
      default: {
        const unhandled: never = e;
        throw new TypeError(`unhandled event ${(unhandled as { type: string }).type}`);
      }
    }
  }
  if (isFundEntry(e)) {
    switch (e.type) {
      case 'MoneyContributed': {
        const d = e.data;
        return [money(d.projectId ? `@hub:project:${d.projectId}` : d.fund === 'aid' ? '@hub:aid-fund' : '@hub:fund', d.amount)];
      }
      case 'FundMoneyMoved': {
        const account = (fund: string) => (fund === 'aid' ? '@hub:aid-fund' : '@hub:fund');
        return [money(account(e.data.from), negate(e.data.amount)), money(account(e.data.to), e.data.amount)];
      }
      case 'AidPaid':
        return [money('@hub:aid-fund', negate(e.data.amount)), money(`${e.data.memberId}:aid`, e.data.amount)];
      case 'ExternalFinancingRecorded':
        return [money(`@hub:project:${e.data.projectId}`, e.data.amount), money(`@financing:${e.data.financingId}`, negate(e.data.amount))];
      case 'ExternalFinancingRepaid':
        return [money(`@hub:project:${e.data.projectId}`, negate(e.data.amount)), money(`@financing:${e.data.financingId}`, e.data.amount)];
      case 'ProjectSpendingRecorded':
        return [money(`@hub:project:${e.data.projectId}`, negate(e.data.amount))];
      case 'InKindContributed':
      case 'AidRequested':
      case 'AidRequestWithdrawn':
        return [];
      default: {
        const unhandled: never = e;
        throw new TypeError(`unhandled event ${(unhandled as { type: string }).type}`);
      }
    }
  }
  return []; // hub and membership events move nothing
}

/**
 * Journal lines for events read in position order: each hub's currency is learnt from its
 * HubCreated, which comes before any of its money moves.
 */
export class Journal {
  private readonly currencies = new Map<string, string>();
  /** hub → member → display name, as far as the journal has read */
  private readonly names = new Map<string, Map<string, string>>();

  line(event: RecordedEvent): JournalLine {
    const hub = hubOfStream(event.streamId);
    if (event.type === 'HubCreated' && hub) this.currencies.set(hub, (event.data as { currency: string }).currency);
    if (hub && (event.type === 'MemberEnrolled' || event.type === 'MemberProfileChanged')) {
      const { memberId, displayName } = event.data as { memberId: string; displayName?: string };
      if (displayName !== undefined) this.names.set(hub, (this.names.get(hub) ?? new Map()).set(memberId, displayName));
    }
    const line = journalLine(event, (hub && this.currencies.get(hub)) ?? 'currency');
    return { ...line, actorName: actorName(line.actor, hub ? this.names.get(hub) : undefined) };
  }
}

function actorName(actor: string, names: Map<string, string> | undefined): string | null {
  if (actor === 'admin') return 'the admin';
  if (actor === 'system') return 'the ledger';
  return names?.get(actor) ?? null;
}

export function journalLine(event: RecordedEvent, currency: string): JournalLine {
  return {
    position: event.position,
    time: event.metadata.recordedAt,
    hub: hubOfStream(event.streamId),
    stream: event.streamId,
    revision: event.revision,
    type: event.type,
    actor: event.metadata.actor,
    postings: postingsOf(event, currency),
    hash: event.hash,
    reverses: reversedPosition(toDomainEvent(event)),
    actorName: null,
  };
}

const reversedPosition = (event: LedgerEvent) => (event.type === 'EntryReversed' ? event.data.entry.position : null);

export const JOURNAL_CSV_HEADER = 'position,time,hub,stream,revision,type,actor,accounts,amounts,hash,reverses,actor_name';

/** accounts and amounts side by side, `;` between postings: `alice:hours;bob:hours` and `-2.50 HOUR;2.50 HOUR`. */
export function journalCsvRow(line: JournalLine): string {
  const accounts = line.postings.map((p) => p.account).join(';');
  const amounts = line.postings.map((p) => `${p.amount} ${p.unit}`).join(';');
  return csvRow([line.position, line.time, line.hub ?? '', line.stream, line.revision, line.type, line.actor, accounts, amounts, line.hash, line.reverses ?? '', line.actorName ?? '']);
}

import { DomainError, SeparationOfDuties, ValidationFailed } from '../errors';
import { actingAs } from '../hub/acting';
import { usableCategory } from '../hub/categories.rules';
import { HubState } from '../hub/hub.state';
import { checkId } from '../ids';
import { Amount, HOUR } from '../money';
import { checkText } from '../text';
import { PayGroupHours } from './timebank.commands';
import { GroupHoursPaid, GroupPayment } from './timebank.events';

/** A work day's volunteers or a class's students: more is an import, not an exchange. */
export const GROUP_PAYMENTS_MAX = 200;
const MEMO_LENGTH_MAX = 500;

/** What the time bank offers the group rules: a scratch ledger on which the payments are tried in turn. */
export interface GroupPayments {
  /** throws as a single payment would (credit limit, maximum, who holds an account); else moves the hours */
  pay(payerId: string, payeeId: string, hours: Amount): void;
}

/**
 * A coordinator records a work day or a class as one entry. Each payment is tried in the order
 * given against its payer's limit and the hub's maximum, as if paid one after another; the first
 * that fails refuses the whole, naming it, and nothing moves. Refusals: forbidden (not a
 * coordinator), separation_of_duties (a coordinator paid from another's account),
 * validation_failed (no payments, more than 200, a payment to oneself, the same pair twice, bad
 * hours, no memo), not_found, invalid_state (a suspended party), credit_limit_exceeded,
 * balance_limit_exceeded.
 */
export function payGroupHours(command: PayGroupHours, hub: HubState, tryOn: () => GroupPayments): GroupHoursPaid[] {
  const coordinator = actingAs(hub, command.actorId, ['coordinator'], 'record a group exchange');
  checkId(command.groupId, 'groupId');
  const memo = checkText(command.memo, 'memo', MEMO_LENGTH_MAX);
  usableCategory(hub, command.categoryId);
  const payments = checkedPayments(command.payments);
  for (const [index, payment] of payments.entries()) {
    if (payment.toMemberId === coordinator.memberId && payment.fromMemberId !== coordinator.memberId) {
      throw new SeparationOfDuties(
        'no-payment-to-oneself-for-another',
        `payment ${index + 1}: a coordinator does not pay themselves from another member's account`,
      );
    }
  }
  const ledger = tryOn();
  for (const [index, payment] of payments.entries()) {
    try {
      ledger.pay(payment.fromMemberId, payment.toMemberId, payment.hours);
    } catch (refusal) {
      // the refusal keeps its code; the sentence says which of the payments it was
      if (refusal instanceof DomainError) refusal.message = `payment ${index + 1} of ${payments.length}: ${refusal.message}; nothing was recorded`;
      throw refusal;
    }
  }
  return [
    {
      type: 'GroupHoursPaid',
      data: {
        groupId: command.groupId,
        payments: payments.map(({ fromMemberId, toMemberId, hours }) => ({ fromMemberId, toMemberId, hours: hours.toString() })),
        memo,
        ...(command.categoryId === undefined ? {} : { categoryId: command.categoryId }),
        recordedBy: coordinator.memberId,
        at: command.at,
      },
    },
  ];
}

/** The hours a group entry moved altogether. */
export function groupHours(payments: readonly GroupPayment[]): Amount {
  return payments.reduce((sum, payment) => sum.plus(Amount.parse(payment.hours, HOUR)), Amount.zero(HOUR));
}

function checkedPayments(given: unknown): Array<{ fromMemberId: string; toMemberId: string; hours: Amount }> {
  if (!Array.isArray(given) || given.length === 0) throw new ValidationFailed('payments must list at least one payment');
  if (given.length > GROUP_PAYMENTS_MAX) throw new ValidationFailed(`payments may list at most ${GROUP_PAYMENTS_MAX} payments, not ${given.length}`);
  const pairs = new Map<string, number>();
  return given.map((payment: Partial<GroupPayment>, index) => {
    const line = `payment ${index + 1}`;
    checkId(payment.fromMemberId, `${line}: fromMemberId`);
    checkId(payment.toMemberId, `${line}: toMemberId`);
    const hours = Amount.parsePositive(payment.hours, HOUR, `${line}: hours`);
    if (payment.fromMemberId === payment.toMemberId) throw new ValidationFailed(`${line}: a member cannot pay themselves`);
    const pair = `${payment.fromMemberId} ${payment.toMemberId}`;
    const earlier = pairs.get(pair);
    if (earlier !== undefined) throw new ValidationFailed(`${line} repeats payment ${earlier + 1} (${payment.fromMemberId} to ${payment.toMemberId})`);
    pairs.set(pair, index);
    return { fromMemberId: payment.fromMemberId!, toMemberId: payment.toMemberId!, hours };
  });
}

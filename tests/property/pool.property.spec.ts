/**
 * Model-based property test of the savings pool (fast-check `fc.commands`): random sequences
 * of pool commands against the real decider, checked after every step by an independent
 * model that shares no code with it.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { DomainError, HubState, PoolCommand, PoolEvent, PoolState, REVERSIBLE_TYPES, RecordedEntry, poolDecider } from '@commons/domain';
import { poolHub } from '../../libs/domain/src/pool/pool.spec-helpers';

const MEMBERS = ['ann', 'ben', 'cal', 'tia', 'tom'];
const TREASURERS = ['tia', 'tom', 'ted'];
const QUORUM = 2;

interface Model {
  at: number;
  cash: Decimal;
  savings: Map<string, Decimal>;
  loans: Array<{ id: string; borrower: string; principal: Decimal; status: string; approvers: Set<string> }>;
  /** revisions of the entries reversed so far */
  reversed: Set<number>;
}
interface Real {
  hub: HubState;
  state: PoolState;
  /** every event recorded, so a reversal can name one as the store would hand it over */
  recorded: RecordedEntry[];
  revision: number;
}

const cents = (max: number) => fc.integer({ min: 1, max }).map((n) => new Decimal(n).dividedBy(100).toFixed(2));
const money = cents(50_000);
type Untimed = PoolCommand extends infer C ? (C extends PoolCommand ? Omit<C, 'at'> : never) : never;
const principal = cents(20_000);

/** Runs one command on the real decider; true when it was accepted. */
function run(real: Real, model: Model, command: Untimed): boolean {
  model.at += 86_400_000 * 3;
  const full = { ...command, at: new Date(model.at).toISOString() } as PoolCommand;
  try {
    const events = poolDecider.decide(full, real.state, real.hub);
    real.state = events.reduce(poolDecider.evolve, poolDecider.copy(real.state));
    for (const event of events) record(real, event);
    return true;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error; // a bug, not a refusal
    return false;
  }
}

function record(real: Real, event: PoolEvent): void {
  const revision = real.revision++;
  if (REVERSIBLE_TYPES.has(event.type)) real.recorded.push({ position: revision + 1, streamId: 'pool-h', revision, ...event } as RecordedEntry);
}

function checkInvariants(model: Model, real: Real): void {
  const t = real.state.totals;
  const books = t.deposits.minus(t.withdrawals).minus(t.disbursed).plus(t.repaidPrincipal).plus(t.interestReceived);
  expect(real.state.cash.equals(books)).toBe(true);
  expect(real.state.cash.isNegative()).toBe(false);
  expect(real.state.cash.toFixed(2)).toBe(model.cash.toFixed(2));
  for (const loan of real.state.loans.values()) {
    if (['active', 'repaid', 'written_off'].includes(loan.status)) {
      const approvers = new Set(loan.approvals);
      expect(approvers.size).toBeGreaterThanOrEqual(QUORUM);
      expect(approvers.has(loan.borrowerId)).toBe(false);
      for (const approver of approvers) expect(TREASURERS).toContain(approver);
    }
  }
}

class Deposit implements fc.Command<Model, Real> {
  constructor(readonly memberId: string, readonly amount: string, readonly actorId: string) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const accepted = run(real, model, { type: 'DepositSavings', memberId: this.memberId, amount: this.amount, actorId: this.actorId });
    // a treasurer records others' savings, never their own
    expect(accepted).toBe(TREASURERS.includes(this.actorId) && this.actorId !== this.memberId);
    if (accepted) {
      model.cash = model.cash.plus(this.amount);
      model.savings.set(this.memberId, (model.savings.get(this.memberId) ?? new Decimal(0)).plus(this.amount));
    }
    checkInvariants(model, real);
  }
  toString = () => `deposit(${this.memberId}, ${this.amount}, by ${this.actorId})`;
}

class Withdraw implements fc.Command<Model, Real> {
  constructor(readonly memberId: string, readonly amount: string) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const accepted = run(real, model, { type: 'WithdrawSavings', memberId: this.memberId, amount: this.amount, actorId: this.memberId === 'tia' ? 'tom' : 'tia' });
    const saved = model.savings.get(this.memberId) ?? new Decimal(0);
    if (new Decimal(this.amount).greaterThan(saved) || new Decimal(this.amount).greaterThan(model.cash)) expect(accepted).toBe(false);
    if (accepted) {
      model.cash = model.cash.minus(this.amount);
      model.savings.set(this.memberId, saved.minus(this.amount));
    }
    checkInvariants(model, real);
  }
  toString = () => `withdraw(${this.memberId}, ${this.amount})`;
}

class Apply implements fc.Command<Model, Real> {
  constructor(readonly borrower: string, readonly principal: string, readonly termMonths: number, readonly rate: string) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const id = `loan-${model.loans.length}`;
    const accepted = run(real, model, {
      type: 'ApplyForLoan', loanId: id, borrowerId: this.borrower, principal: this.principal, termMonths: this.termMonths,
      annualInterestRate: this.rate, purpose: 'tools', actorId: this.borrower,
    });
    expect(accepted).toBe(true);
    model.loans.push({ id, borrower: this.borrower, principal: new Decimal(this.principal), status: 'applied', approvers: new Set() });
    checkInvariants(model, real);
  }
  toString = () => `apply(${this.borrower}, ${this.principal}, ${this.termMonths} months at ${this.rate})`;
}

/** A decision on the n-th loan (modulo the loans there are) by a given treasurer. */
class Decide implements fc.Command<Model, Real> {
  constructor(readonly kind: 'ApproveLoan' | 'RejectLoan' | 'CancelLoan' | 'DisburseLoan' | 'VoteToWriteOff', readonly n: number, readonly actorId: string) {}
  check = (model: Readonly<Model>) => model.loans.length > 0;
  run(model: Model, real: Real): void {
    const loan = model.loans[this.n % model.loans.length];
    const cashBefore = real.state.cash;
    const accepted = run(real, model, { type: this.kind, loanId: loan.id, note: 'n', reason: 'r', actorId: this.actorId } as Untimed);
    if (this.kind === 'DisburseLoan') {
      // never without a quorum of distinct treasurers who are not the borrower
      if (loan.status !== 'approved') expect(accepted).toBe(false);
      if (accepted) {
        expect(loan.approvers.size).toBeGreaterThanOrEqual(QUORUM);
        expect(cashBefore.minus(loan.principal).equals(real.state.cash)).toBe(true);
        model.cash = model.cash.minus(loan.principal);
      }
    }
    if (this.actorId === loan.borrower && this.kind !== 'CancelLoan') expect(accepted).toBe(false);
    if (accepted && this.kind === 'ApproveLoan') loan.approvers.add(this.actorId);
    loan.status = real.state.loans.get(loan.id)!.status;
    checkInvariants(model, real);
  }
  toString = () => `${this.kind}(#${this.n}, by ${this.actorId})`;
}

class Repay implements fc.Command<Model, Real> {
  constructor(readonly n: number, readonly amount: string) {}
  check = (model: Readonly<Model>) => model.loans.length > 0;
  run(model: Model, real: Real): void {
    const loan = model.loans[this.n % model.loans.length];
    const accepted = run(real, model, { type: 'RepayLoan', loanId: loan.id, amount: this.amount, actorId: loan.borrower === 'ted' ? 'tom' : 'ted' });
    if (loan.status !== 'active') expect(accepted).toBe(false);
    if (accepted) model.cash = model.cash.plus(this.amount);
    loan.status = real.state.loans.get(loan.id)!.status;
    checkInvariants(model, real);
  }
  toString = () => `repay(#${this.n}, ${this.amount})`;
}

let reversalsApplied = 0; // across every run: the property must have exercised reversals, not only refused them

/** Proposes the reversal of the n-th recorded entry by one person and confirms it by another. */
class Reverse implements fc.Command<Model, Real> {
  constructor(readonly n: number, readonly proposer: string, readonly confirmer: string) {}
  check = () => true;
  run(model: Model, real: Real): void {
    if (real.recorded.length === 0) return;
    const entry = real.recorded[this.n % real.recorded.length];
    const reversalId = `r-${real.revision}`;
    const proposed = run(real, model, { type: 'ProposeReversal', reversalId, entry, reason: 'mistake', actorId: this.proposer });
    const applied = proposed && run(real, model, { type: 'ConfirmReversal', reversalId, actorId: this.confirmer });
    // no entry is ever reversed twice, and never by one person alone
    if (model.reversed.has(entry.revision)) expect(proposed).toBe(false);
    if (this.proposer === this.confirmer) expect(applied).toBe(false);
    if (applied) {
      reversalsApplied += 1;
      model.reversed.add(entry.revision);
      const amount = new Decimal((entry.data as { amount: string }).amount);
      const saver = (entry.data as { memberId?: string }).memberId;
      if (entry.type === 'SavingsDeposited') {
        model.cash = model.cash.minus(amount);
        model.savings.set(saver!, model.savings.get(saver!)!.minus(amount));
      } else if (entry.type === 'SavingsWithdrawn') {
        model.cash = model.cash.plus(amount);
        model.savings.set(saver!, model.savings.get(saver!)!.plus(amount));
      } else {
        model.cash = model.cash.minus(amount);
      }
      for (const loan of model.loans) loan.status = real.state.loans.get(loan.id)!.status;
    } else if (proposed) {
      // withdrawn again so the entry stays open for another attempt
      const party = (entry.data as { memberId?: string; borrowerId?: string }).memberId ?? (entry.data as { borrowerId: string }).borrowerId;
      const rejecter = TREASURERS.find((treasurer) => treasurer !== this.proposer && treasurer !== party)!;
      expect(run(real, model, { type: 'RejectReversal', reversalId, reason: 'no', actorId: rejecter })).toBe(true);
    }
    checkInvariants(model, real);
  }
  toString = () => `reverse(#${this.n}, proposed by ${this.proposer}, confirmed by ${this.confirmer})`;
}

const decision = (kind: Decide['kind'], actors: string[]) =>
  fc.tuple(fc.nat(20), fc.constantFrom(...actors)).map(([n, by]) => new Decide(kind, n, by));

// weighted so that loans get approved, disbursed and repaid often, not only applied for
const commands = [
  fc.tuple(fc.constantFrom(...MEMBERS), money, fc.constantFrom('tia', 'tom', 'tia', 'ann')).map(([m, a, by]) => new Deposit(m, a, by)),
  fc.tuple(fc.constantFrom(...MEMBERS), money).map(([m, a]) => new Withdraw(m, a)),
  fc
    .tuple(fc.constantFrom(...MEMBERS), principal, fc.integer({ min: 1, max: 12 }), fc.constantFrom('0', '0.05', '0.12'))
    .map(([b, p, term, rate]) => new Apply(b, p, term, rate)),
  decision('ApproveLoan', [...TREASURERS, 'ann']),
  decision('ApproveLoan', TREASURERS),
  decision('DisburseLoan', TREASURERS),
  decision('DisburseLoan', TREASURERS),
  decision('RejectLoan', TREASURERS),
  decision('CancelLoan', MEMBERS),
  decision('VoteToWriteOff', TREASURERS),
  fc.tuple(fc.nat(20), principal).map(([n, a]) => new Repay(n, a)),
  fc.tuple(fc.nat(20), principal).map(([n, a]) => new Repay(n, a)),
  fc.tuple(fc.nat(40), fc.constantFrom(...TREASURERS, 'ann'), fc.constantFrom(...TREASURERS, ...MEMBERS)).map(([n, p, c]) => new Reverse(n, p, c)),
];

describe('savings pool under random command sequences', () => {
  it('keeps the books reconciled, cash never below zero, disburses only with a quorum of distinct non-borrower treasurers, and reverses no entry twice', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 120, size: 'large' }), (sequence) => {
        const setup = () => ({
          model: { at: Date.UTC(2026, 0, 1), cash: new Decimal(0), savings: new Map(), loans: [], reversed: new Set() } as Model,
          real: { hub: poolHub({ approvalQuorum: QUORUM, reserveRatio: '0.1' }), state: poolDecider.initialState(), recorded: [], revision: 0 } as Real,
        });
        fc.modelRun(setup, sequence);
      }),
      { numRuns: 200 },
    );
    expect(reversalsApplied).toBeGreaterThan(20);
  });
});

/**
 * Every refusal the ledger can give, one class per rule, each with the machine-readable code
 * that API.md promises. The HTTP edge maps `code` to a status in one place.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'forbidden'
  | 'not_found'
  | 'already_exists'
  | 'invalid_state'
  | 'credit_limit_exceeded'
  | 'balance_limit_exceeded'
  | 'insufficient_funds'
  | 'insufficient_liquidity'
  | 'overpayment'
  | 'aid_limit_exceeded'
  | 'separation_of_duties';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  readonly code = 'validation_failed';
}

/** A whole file refused: every bad line, each as `<file> line N: field: why`. */
export class LinesRefused extends ValidationFailed {
  constructor(readonly lines: string[]) {
    super(`${lines.length} line${lines.length === 1 ? '' : 's'} refused, so nothing was written: ${lines.join('; ')}`);
  }
}

export class Forbidden extends DomainError {
  readonly code = 'forbidden';
}

export class NotFound extends DomainError {
  readonly code = 'not_found';
}

export class AlreadyExists extends DomainError {
  readonly code = 'already_exists';
}

export class InvalidState extends DomainError {
  readonly code = 'invalid_state';
}

export class CreditLimitExceeded extends DomainError {
  readonly code = 'credit_limit_exceeded';
}

export class BalanceLimitExceeded extends DomainError {
  readonly code = 'balance_limit_exceeded';
}

export class InsufficientFunds extends DomainError {
  readonly code = 'insufficient_funds';
}

export class InsufficientLiquidity extends DomainError {
  readonly code = 'insufficient_liquidity';
}

/** A repayment larger than what the loan still owes. */
export class Overpayment extends DomainError {
  readonly code = 'overpayment';
}

/** An aid request past the hub's cap for one member in one month. */
export class AidLimitExceeded extends DomainError {
  readonly code = 'aid_limit_exceeded';
}

/**
 * The caller's role allows the action, but not on their own account or alone (API.md,
 * "Separation of duties"). `rule` names which rule, for specs and for the detail a caller reads.
 */
export class SeparationOfDuties extends DomainError {
  readonly code = 'separation_of_duties';
  constructor(
    readonly rule: DutyRule,
    message: string,
  ) {
    super(`${message} (rule: ${rule})`);
  }
}

/** Every separation-of-duties rule by name; docs/security.md lists them with their reasons. */
export type DutyRule =
  | 'no-own-member-change'
  | 'no-own-contribution'
  | 'no-own-volunteer-hours'
  | 'no-own-savings'
  | 'no-own-repayment'
  | 'no-decision-on-own-loan'
  | 'no-own-aid-payment'
  | 'no-payment-to-oneself-for-another'
  | 'second-officer-confirms'
  | 'no-confirming-own-proposal'
  | 'no-confirming-change-to-oneself'
  | 'no-confirming-own-gain'
  | 'no-accepting-own-request'
  | 'no-loan-to-oneself'
  | 'no-return-from-oneself';

/** A rule that must always hold did not: a bug, never the caller's fault. */
export class InvariantViolated extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantViolated';
  }
}

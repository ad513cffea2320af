import Decimal from 'decimal.js';
import { ValidationFailed } from './errors';

// decimal.js rounds every result to 20 significant digits unless told otherwise: an amount of 18
// digits and three decimals, or the sum of two large ones, would be rounded without a word. 64
// digits hold every amount the API accepts and any sum of them. One setting for the process:
// every module that imports decimal.js shares this one Decimal.
Decimal.set({ precision: 64 });

/** Hours of service, or an ISO 4217 currency code. */
export type Unit = 'HOUR' | string;

export const HOUR: Unit = 'HOUR';

/** Decimal places each unit allows; a value with more is refused, never rounded. */
const MINOR_UNITS: Readonly<Record<string, number>> = {
  HOUR: 2,
  USD: 2,
  CAD: 2,
  EUR: 2,
  GBP: 2,
  MXN: 2,
  AUD: 2,
  NZD: 2,
  CHF: 2,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  BHD: 3,
};

// Plain decimal notation only: no sign, no exponent, no leading zeros, no trailing dot.
const DECIMAL_TEXT = /^(0|[1-9]\d{0,17})(\.\d{1,18})?$/;
const SIGNED_DECIMAL_TEXT = /^-?(0|[1-9]\d{0,17})(\.\d{1,18})?$/;

/**
 * `value.toFixed(scale)`, the same text for every value, about five times faster for the common
 * case of a value with no more than `scale` decimals (every amount and balance): it pads the
 * plain text instead of rounding a copy. Anything else goes to `toFixed` itself.
 */
export function fixedAt(value: Decimal, scale: number): string {
  const text = value.toString();
  const dot = text.indexOf('.');
  const places = dot < 0 ? 0 : text.length - dot - 1;
  if (places > scale || !value.isFinite() || text.includes('e')) return value.toFixed(scale);
  if (places === scale) return text;
  return `${dot < 0 ? `${text}.` : text}${'0'.repeat(scale - places)}`;
}

export function isKnownUnit(unit: string): boolean {
  return Object.prototype.hasOwnProperty.call(MINOR_UNITS, unit);
}

export function scaleOf(unit: Unit): number {
  const scale = MINOR_UNITS[unit];
  if (scale === undefined) throw new ValidationFailed(`unknown unit ${unit}`);
  return scale;
}

/** An exact quantity of one unit. Arithmetic across units is refused. */
export class Amount {
  private constructor(
    readonly value: Decimal,
    readonly unit: Unit,
  ) {}

  /** Parses a non-negative decimal string as the API and events carry it. */
  static parse(text: unknown, unit: Unit, field = 'amount'): Amount {
    if (typeof text !== 'string' || !DECIMAL_TEXT.test(text)) {
      throw new ValidationFailed(`${field} must be a decimal string such as "2.50"`);
    }
    return Amount.checked(new Decimal(text), unit, field);
  }

  /** Parses a positive decimal string: the amount of a payment, deposit or loan. */
  static parsePositive(text: unknown, unit: Unit, field = 'amount'): Amount {
    const amount = Amount.parse(text, unit, field);
    if (!amount.isPositive()) throw new ValidationFailed(`${field} must be greater than zero`);
    return amount;
  }

  /** Parses a stored value that may be negative (a balance). */
  static parseSigned(text: string, unit: Unit): Amount {
    if (!SIGNED_DECIMAL_TEXT.test(text)) throw new ValidationFailed(`not a decimal: ${text}`);
    return Amount.checked(new Decimal(text), unit, 'value');
  }

  static zero(unit: Unit): Amount {
    scaleOf(unit);
    return new Amount(new Decimal(0), unit);
  }

  private static checked(value: Decimal, unit: Unit, field: string): Amount {
    const scale = scaleOf(unit);
    if (value.decimalPlaces() > scale) {
      throw new ValidationFailed(`${field} allows at most ${scale} decimal places for ${unit}`);
    }
    return new Amount(value, unit);
  }

  plus(other: Amount): Amount {
    this.sameUnit(other);
    return new Amount(this.value.plus(other.value), this.unit);
  }

  minus(other: Amount): Amount {
    this.sameUnit(other);
    return new Amount(this.value.minus(other.value), this.unit);
  }

  negated(): Amount {
    return new Amount(this.value.negated(), this.unit);
  }

  lessThan(other: Amount): boolean {
    this.sameUnit(other);
    return this.value.lessThan(other.value);
  }

  greaterThan(other: Amount): boolean {
    this.sameUnit(other);
    return this.value.greaterThan(other.value);
  }

  equals(other: Amount): boolean {
    return this.unit === other.unit && this.value.equals(other.value);
  }

  isPositive(): boolean {
    return this.value.greaterThan(0);
  }

  isNegative(): boolean {
    return this.value.isNegative() && !this.value.isZero();
  }

  isZero(): boolean {
    return this.value.isZero();
  }

  /** Fixed at the unit's scale, so equal amounts print alike: "2.50", "-10.00". */
  toString(): string {
    return fixedAt(this.value, scaleOf(this.unit));
  }

  toJSON(): string {
    return this.toString();
  }

  private sameUnit(other: Amount): void {
    if (other.unit !== this.unit) {
      throw new TypeError(`cannot combine ${this.unit} with ${other.unit}`);
    }
  }
}

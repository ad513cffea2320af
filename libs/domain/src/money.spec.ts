import Decimal from 'decimal.js';
import fc from 'fast-check';
import { Amount, HOUR, fixedAt } from './money';

describe('fixedAt', () => {
  it('writes exactly what toFixed writes, for any decimal and scale', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^(0|[1-9]\d{0,24})$/), fc.stringMatching(/^\d{0,8}$/), fc.integer({ min: -30, max: 30 }))
      .map(([negative, whole, fraction, exponent]) => new Decimal(`${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}e${exponent}`));
    fc.assert(
      fc.property(decimal, fc.integer({ min: 0, max: 4 }), (value, scale) => {
        expect(fixedAt(value, scale)).toBe(value.toFixed(scale));
      }),
      { numRuns: 5_000 },
    );
  });

  it('pads, keeps and hands the rest to toFixed', () => {
    expect(fixedAt(new Decimal('-3'), 2)).toBe('-3.00');
    expect(fixedAt(new Decimal('0.5'), 2)).toBe('0.50');
    expect(fixedAt(new Decimal('12.25'), 2)).toBe('12.25');
    expect(fixedAt(new Decimal('1.005'), 2)).toBe('1.01'); // rounded, as toFixed rounds
    expect(fixedAt(new Decimal('1e25'), 2)).toBe('10000000000000000000000000.00');
    expect(fixedAt(new Decimal('-0'), 2)).toBe(new Decimal('-0').toFixed(2));
    expect(fixedAt(new Decimal(NaN), 2)).toBe('NaN');
  });
});

describe('Amount', () => {
  it('adds and subtracts past 20 significant digits without rounding', () => {
    const large = Amount.parse('999999999999999999.999', 'KWD');
    expect(large.plus(large).toString()).toBe('1999999999999999999.998');
    expect(large.plus(large).minus(Amount.parse('0.001', 'KWD')).toString()).toBe('1999999999999999999.997');
  });

  it('keeps decimal values exact where floats would not', () => {
    const sum = Amount.parse('0.10', 'USD').plus(Amount.parse('0.20', 'USD'));
    expect(sum.toString()).toBe('0.30');
  });

  it.each(['1.234', '-1', '1e2', '', ' 1', '01', '1.', '+1', '0x10'])('refuses %p as hours', (text) => {
    expect(() => Amount.parse(text, HOUR)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });

  it('refuses a number where a string is required', () => {
    expect(() => Amount.parse(1.5, HOUR)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });

  it('refuses zero where a positive amount is required', () => {
    expect(() => Amount.parsePositive('0.00', HOUR)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });

  it('allows no decimals in a currency without minor units', () => {
    expect(() => Amount.parse('1.5', 'JPY')).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(Amount.parse('150', 'JPY').toString()).toBe('150');
  });

  it('refuses to add hours to dollars', () => {
    expect(() => Amount.parse('1', HOUR).plus(Amount.parse('1', 'USD'))).toThrow(TypeError);
  });
});

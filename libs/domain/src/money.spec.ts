import { Amount, HOUR } from './money';

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

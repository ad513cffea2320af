// Hours and money as the API gives them, decimal strings, added and compared exactly in hundredths
// (BigInt): never a JS float for an amount, even for a preview.

const AMOUNT = /^-?\d+(\.\d{1,2})?$/;

/** The text a person typed, as the API's decimal string, or null when it is not one ("1,5" is 1.5). */
export function typedAmount(text) {
  const cleaned = String(text ?? '').trim().replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(cleaned) && !/^0+(\.0+)?$/.test(cleaned) ? cleaned : null;
}

function hundredths(text) {
  if (!AMOUNT.test(text)) throw new TypeError(`not an amount: ${text}`);
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return negative ? -value : value;
}

function text(value) {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export const minus = (a, b) => text(hundredths(a) - hundredths(b));
export const plus = (a, b) => text(hundredths(a) + hundredths(b));
export const isNegative = (a) => hundredths(a) < 0n;
/** "-2.50" → "2.50" */
export const magnitude = (a) => a.replace(/^-/, '');

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

/** A percentage as a person types it ("5", "4.5", "4,5") as the API's fraction ("0.05", "0.045"); null if it is not one from 0 to 100. */
export function typedPercent(text) {
  const cleaned = String(text ?? '').trim().replace(',', '.').replace(/\s*%$/, '');
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  const places = fraction.length + 2; // a hundredth of the figure
  const padded = digits.padStart(places + 1, '0');
  const value = `${padded.slice(0, -places)}.${padded.slice(-places)}`.replace(/\.?0+$/, '').replace(/^$/, '0');
  return Number(whole) > 100 || (whole === '100' && /[1-9]/.test(fraction)) ? null : value || '0';
}

/** The API's fraction ("0.045") as a percentage to read ("4.5"). */
export function percentOf(fraction) {
  const [whole, part = ''] = fraction.split('.');
  const digits = `${whole}${part.padEnd(2, '0')}`;
  const point = whole.length + 2;
  const text = `${digits.slice(0, point)}.${digits.slice(point)}`.replace(/^0+(?=\d)/, '').replace(/\.?0*$/, '');
  return text === '' ? '0' : text;
}

/** Money with its currency, as a neighbour reads it: "500.00 USD". */
export const money = (amount, currency) => `${amount} ${currency}`;

/** A typed amount written as the ledger writes it, with exactly the currency's places ("500" → "500.00"). */
export function atPlaces(typed, places) {
  const [whole, fraction = ''] = typed.split('.');
  return places === 0 ? whole : `${whole}.${fraction.padEnd(places, '0')}`;
}

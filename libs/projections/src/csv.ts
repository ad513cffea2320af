// A cell a spreadsheet opens as text, never as a formula (OWASP's CSV-injection rule): one that
// begins with = + - @, a tab or CR gets a leading apostrophe; plain numbers, negatives included, stay numbers.
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV cell: quoted when it holds a comma, quote, CR or LF; neutralised when it could run as a formula. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) || text.startsWith("'") ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: unknown[]) => cells.map(csvCell).join(',');

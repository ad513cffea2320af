/**
 * Comma-separated values as spreadsheets write them (RFC 4180): fields in double quotes may hold
 * commas, quotes (doubled) and line breaks; lines end in LF or CRLF; a byte-order mark is ignored.
 */
export interface CsvRow {
  /** the line the row starts on, the header being line 1 */
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  let i = 0;
  while (i < source.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (source[i] === '"') {
        i += 1;
        for (;;) {
          if (i >= source.length) throw new CsvError(start, 'a quoted field is never closed');
          const c = source[i];
          if (c === '"' && source[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (c === '"') {
            i += 1;
            break;
          } else {
            if (c === '\n') line += 1;
            field += c;
            i += 1;
          }
        }
        if (i < source.length && source[i] !== ',' && source[i] !== '\n' && source[i] !== '\r') throw new CsvError(line, 'a quoted field is followed by more text');
      } else {
        while (i < source.length && source[i] !== ',' && source[i] !== '\n' && source[i] !== '\r') field += source[i++];
      }
      fields.push(field);
      if (source[i] === ',') {
        i += 1;
        continue;
      }
      break;
    }
    if (source[i] === '\r') i += 1;
    if (source[i] === '\n') i += 1;
    line += 1;
    // a blank line (often the last) is no row
    if (!(fields.length === 1 && fields[0].trim() === '')) rows.push({ line: start, fields });
  }
  return rows;
}

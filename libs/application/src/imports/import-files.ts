import { createHash } from 'node:crypto';
import { ImportedMemberLine, OpeningBalanceLine } from '@commons/domain';
import { CsvError, CsvRow, parseCsv } from './csv';

export const MEMBERS_COLUMNS = ['memberId', 'displayName', 'roles', 'contact'] as const;
export const BALANCES_COLUMNS = ['memberId', 'hours'] as const;

/** The two files as the rules read them, less the lines that are not even rows of the right shape. */
export interface ImportFiles {
  importId: string;
  members: Array<Omit<ImportedMemberLine, 'tokenHash'>>;
  balances: Array<Omit<OpeningBalanceLine, 'transferId'>>;
  /** `<file> line N: field: why` for each line that could not be read */
  refused: string[];
}

/**
 * Reads members.csv (`memberId,displayName,roles,contact`, contact optional) and balances.csv
 * (`memberId,hours`). The import is named by a digest of both, line endings aside, so the same
 * files saved again on another computer are still the same import.
 */
export function readImportFiles(membersText: string, balancesText: string | undefined): ImportFiles {
  const refused: string[] = [];
  const members = rowsOf('members.csv', membersText, MEMBERS_COLUMNS, 3, refused).map(({ line, fields }) => ({
    line,
    memberId: fields[0].trim(),
    displayName: fields[1],
    roles: fields[2],
    contact: fields[3] ?? '',
  }));
  const balances =
    balancesText === undefined ? [] : rowsOf('balances.csv', balancesText, BALANCES_COLUMNS, 2, refused).map(({ line, fields }) => ({ line, memberId: fields[0].trim(), hours: fields[1] }));
  return { importId: importIdOf(membersText, balancesText), members, balances, refused };
}

function importIdOf(membersText: string, balancesText: string | undefined): string {
  const normal = (text: string) => text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  return createHash('sha256').update(normal(membersText)).update('\u0000').update(normal(balancesText ?? '')).digest('hex').slice(0, 32);
}

/** The data rows of a file whose header names `columns` (the last ones optional down to `required`). */
function rowsOf(file: string, text: string, columns: readonly string[], required: number, refused: string[]): CsvRow[] {
  let rows: CsvRow[];
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    refused.push(`${file} line ${error.line}: columns: ${error.message}`);
    return [];
  }
  const header = rows[0]?.fields.map((name) => name.trim()) ?? [];
  const expected = columns.slice(0, header.length);
  if (header.length < required || header.length > columns.length || header.join() !== expected.join()) {
    refused.push(`${file} line 1: header: the first line must be ${columns.join(',')}, not ${header.join(',') || 'empty'}`);
    return [];
  }
  return rows.slice(1).filter((row) => {
    if (row.fields.length === header.length) return true;
    refused.push(`${file} line ${row.line}: columns: ${header.length} fields (${header.join(',')}) expected, ${row.fields.length} found`);
    return false;
  });
}

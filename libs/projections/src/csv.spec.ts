import { csvCell, csvRow } from './csv';

describe('CSV cells', () => {
  it.each([
    ['plain text', 'greenhouse', 'greenhouse'],
    ['a comma', 'a,b', '"a,b"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line feed', 'a\nb', '"a\nb"'],
    ['a carriage return', 'x\r=1+1', '"x\r=1+1"'],
    ['a formula', '=1+1', `"'=1+1"`],
    ['a plus', "+cmd|' /C calc'!A0", `"'+cmd|' /C calc'!A0"`],
    ['a minus that is no number', '-2+3', `"'-2+3"`],
    ['an at sign', '@SUM(A1)', `"'@SUM(A1)"`],
    ['a tab', '\t=1', `"'\t=1"`],
    ['a leading carriage return', '\r=1', `"'\r=1"`],
    ['a negative amount', '-25.00', '-25.00'],
    ['a number', '300.00', '300.00'],
    ['nothing', null, ''],
  ])('writes %s safely', (_case, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('joins a row', () => {
    expect(csvRow(['h', 'projects.x\r=1+1*cmd', '-1.50'])).toBe('h,"projects.x\r=1+1*cmd",-1.50');
  });
});

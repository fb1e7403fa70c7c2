import { csvToObjects, parseCsv, toCsv } from './csv';

describe('csv', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"']]);
  });

  it('maps rows to objects and drops empty cells', () => {
    expect(csvToObjects('code,nameHi\nUP,\nIN,भारत\n')).toEqual([{ code: 'UP' }, { code: 'IN', nameHi: 'भारत' }]);
  });

  it('round-trips what it writes', () => {
    const rows = [{ a: 'x,"y"', b: null, c: { k: 1 } }];
    expect(csvToObjects(toCsv(['a', 'b', 'c'], rows))).toEqual([{ a: 'x,"y"', c: '{"k":1}' }]);
  });

  it('refuses an unterminated quote', () => expect(() => parseCsv('a\n"oops')).toThrow('unterminated'));
});

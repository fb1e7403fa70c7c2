import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvRowParser, csvToObjects, toCsv } from './csv';

/** Feeds `chunks` through the streaming parser as a request body would arrive, and collects the rows. */
async function streamed(chunks: string[]): Promise<unknown[]> {
  const rows: unknown[] = [];
  await pipeline(Readable.from(chunks), csvRowParser(), async (records: AsyncIterable<unknown>) => {
    for await (const row of records) rows.push(row);
  });
  return rows;
}

describe('csv', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM', () => {
    expect(csvToObjects('\ufeffa,b\r\n"x, y","say ""hi"""\r\n')).toEqual([{ a: 'x, y', b: 'say "hi"' }]);
  });

  it('maps rows to objects, drops empty cells and blank lines, tolerates short and long rows', () => {
    expect(csvToObjects('code,nameHi\nUP,\n\nIN,भारत\nBR\nMP,मध्य प्रदेश,extra\n')).toEqual([
      { code: 'UP' },
      { code: 'IN', nameHi: 'भारत' },
      { code: 'BR' },
      { code: 'MP', nameHi: 'मध्य प्रदेश' },
    ]);
  });

  it('keeps a quote inside an unquoted cell as a character', () => {
    expect(csvToObjects('name\nRam "Babu" Yadav\n')).toEqual([{ name: 'Ram "Babu" Yadav' }]);
  });

  it('round-trips what it writes', () => {
    const rows = [{ a: 'x,"y"', b: null, c: { k: 1 } }];
    expect(csvToObjects(toCsv(['a', 'b', 'c'], rows))).toEqual([{ a: 'x,"y"', c: '{"k":1}' }]);
  });

  it('refuses an unterminated quote, naming the line', () =>
    expect(() => csvToObjects('a\n"oops')).toThrow(/Quote Not Closed.*line 2/));

  it('streams rows whose quoted fields and Devanagari cross chunk boundaries', async () => {
    const text = toCsv(
      ['phone', 'name'],
      [
        { phone: '9876500001', name: 'रमेश "राम" यादव, लखनऊ' },
        { phone: '9876500002', name: 'line\nbreak' },
      ],
    );
    const chunks = Array.from({ length: Math.ceil(text.length / 7) }, (_, i) => text.slice(i * 7, i * 7 + 7));
    expect(await streamed(chunks)).toEqual([
      { phone: '9876500001', name: 'रमेश "राम" यादव, लखनऊ' },
      { phone: '9876500002', name: 'line\nbreak' },
    ]);
  });
});

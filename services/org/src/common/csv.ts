import { parse, type OptionsWithColumns, type Parser } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';

/**
 * How every CSV here is read (csv-parse, RFC 4180: quoted fields, doubled quotes, CRLF or LF): the first row
 * names the columns (trimmed), a UTF-8 BOM and blank lines are skipped, a row may have fewer or more cells than
 * the header (missing cells are absent, extra ones dropped), a quote inside an unquoted cell is a character, and
 * empty cells are omitted from the row object, so an optional column left blank is the same as no column.
 */
type Row = Record<string, string>;

const OPTIONS: OptionsWithColumns<Row> = {
  bom: true,
  columns: (header: string[]) => header.map((name) => name.trim()),
  skip_empty_lines: true,
  relax_column_count: true,
  relax_quotes: true,
  on_record: (record: Row) => {
    for (const key of Object.keys(record)) if (record[key] === '') delete record[key];
    return record;
  },
};

/** A streaming parser: write text in, read row objects out, so a large file is never held whole. */
export function csvRowParser(): Parser {
  return parse(OPTIONS);
}

/** Rows of a small CSV already in memory (the reference data) as objects keyed by the header row. */
export function csvToObjects(text: string): Row[] {
  return parseSync<Row>(text, OPTIONS);
}

export function toCsv(header: string[], rows: Record<string, unknown>[]): string {
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (
    [header.join(','), ...rows.map((row) => header.map((h) => cell(row[h])).join(','))].join('\n') + '\n'
  );
}

// A CSV read into rows keyed by lower-case column name, each with the line it starts on (csv-parse).
import { parse } from 'csv-parse/sync';
import type { RowProblem } from './types.js';

export interface CsvRow {
  line: number;
  get(column: string): string | undefined;
}

export interface CsvTable {
  columns: string[];
  rows: CsvRow[];
}

export function readCsv(text: string): CsvTable | RowProblem {
  let records: { record: Record<string, string>; info: { lines: number; raw?: string } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_')),
      skip_empty_lines: true,
      trim: true,
      info: true,
      raw: true,
    });
  } catch (err) {
    const e = err as Error & { lines?: number };
    return { line: e.lines ?? 0, problem: `the CSV cannot be read (${e.message})`, fix: 'check the quotes and that every row has as many fields as the header' };
  }
  const columns = records[0] ? Object.keys(records[0].record) : [];
  const rows = records.map(({ record, info }) => {
    const linesInRow = (info.raw ?? '').replace(/\r?\n$/, '').split('\n').length - 1;
    const line = info.lines - linesInRow;
    return { line, get: (c: string) => (record[c]?.trim() ? record[c].trim() : undefined) };
  });
  return { columns, rows };
}

/** "a; b" or one item a line → ["a", "b"]. */
export const listOf = (cell: string | undefined): string[] => (cell ?? '').split(/\s*[;\n]\s*/).map((s) => s.trim()).filter(Boolean);

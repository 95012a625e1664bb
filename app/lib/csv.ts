/**
 * The one way the product writes CSV files for people and programs (open data, exports).
 * Owns: RFC 4180 quoting (csv-stringify), neutralising spreadsheet formulas, the UTF-8
 * byte-order mark, and the column-naming convention. Pure.
 *
 * - Formula injection (OWASP, "CSV Injection": https://owasp.org/www-community/attacks/CSV_Injection):
 *   a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
 *   with a single quote, so Excel, LibreOffice and Google Sheets show it as text instead of
 *   running it. Cells given as numbers are our own figures and are written as numbers.
 * - A UTF-8 BOM (EF BB BF) starts the file: French Excel then reads accents correctly;
 *   pandas (`encoding="utf-8-sig"`), csv-parse (`bom: true`) and most readers drop it.
 * - Column names are snake_case (`published_at`, `answer_delay_days`), one convention for
 *   every file; a name that is not is a programming error and throws.
 */
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | boolean | null | undefined;

export const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;
const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** A text cell as a spreadsheet must show it: prefixed with ' when it would start a formula. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** "answerDelayDays" → "answer_delay_days" (for names that come from code). */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .toLowerCase();
}

function cell(v: CsvCell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return neutralizeCell(v);
}

/**
 * A CSV file: BOM, a header line of snake_case `columns`, then one line per row
 * (each row has one cell per column, in order). Lines end with CRLF (RFC 4180).
 */
export function toCsv(columns: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  for (const c of columns) if (!SNAKE.test(c)) throw new Error(`CSV column "${c}" is not snake_case`);
  const body: string[][] = [];
  for (const r of rows) {
    if (r.length !== columns.length) throw new Error(`CSV row has ${r.length} cells for ${columns.length} columns`);
    body.push(r.map(cell));
  }
  return BOM + stringify(body, { header: true, columns: [...columns], record_delimiter: "windows" });
}

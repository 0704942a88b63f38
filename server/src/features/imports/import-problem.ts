import { type MessageCode, type MessageParams, messageText, msg } from '../../lib/messages';

/**
 * A problem found in an imported file, located as precisely as the format allows: a spreadsheet cell
 * (sheet, row, column), a feature of a boundary file, or the file as a whole. The CLI prints them as
 * `file: trang tính "Báo cáo", dòng 7, cột E (Giá trị): …`; the API returns them as data.
 */
export interface ImportProblem {
  /** Sheet name (XLSX), null for CSV and boundary files. */
  sheet: string | null;
  /** 1-based row as the user sees it in a spreadsheet (header = row 1), or feature number; null = whole file. */
  row: number | null;
  /** Column letter(s) as a spreadsheet shows them (A, B, …, AA), or a property name; null = whole row. */
  column: string | null;
  /** The header of that column, when there is one. */
  header: string | null;
  message: string;
}

/** The file cannot be imported: every problem found, in file order. Nothing was written. */
export class ImportRejected extends Error {
  constructor(
    readonly fileName: string,
    readonly problems: readonly ImportProblem[],
  ) {
    super(
      problems.length === 1
        ? describeProblem(fileName, problems[0] as ImportProblem)
        : messageText(
            msg('import.many_problems', {
              file: fileName,
              count: problems.length,
              first: describeProblem(fileName, problems[0] as ImportProblem),
            }),
          ),
    );
  }
}

/** A problem's text from the message catalogue (lib/messages.ts), in Vietnamese. */
export const problemText = <C extends MessageCode>(code: C, params: MessageParams<C>): string =>
  messageText(msg(code, params));

export const fileProblem = (message: string): ImportProblem => ({
  sheet: null,
  row: null,
  column: null,
  header: null,
  message,
});

/** One line naming file, sheet, row and column, as the CLI prints it. */
export function describeProblem(fileName: string, p: ImportProblem): string {
  const where = [
    p.sheet !== null ? messageText(msg('import.where_sheet', { sheet: p.sheet })) : null,
    p.row !== null ? messageText(msg('import.where_row', { row: p.row })) : null,
    p.column !== null
      ? `${messageText(msg('import.where_column', { column: p.column }))}${p.header ? ` (${p.header})` : ''}`
      : null,
  ].filter((x) => x !== null);
  return `${fileName}${where.length > 0 ? `: ${where.join(', ')}` : ''}: ${p.message}`;
}

/** Spreadsheet column letters of a 1-based index: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

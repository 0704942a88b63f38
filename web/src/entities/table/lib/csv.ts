/** One CSV field: quoted when it holds a separator, quote or line break (RFC 4180). */
function field(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * CSV text of a table, with a byte-order mark so spreadsheet programs read the Vietnamese letters as UTF-8.
 * Numbers are written with a dot so every program parses them; the app shows them the Vietnamese way.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const lines = [header.map(field).join(','), ...rows.map((r) => r.map(field).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

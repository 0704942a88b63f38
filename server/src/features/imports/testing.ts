import type { Queryable } from '../../db/engine';

/** A multipart body with a file and form fields, as the import page sends it. */
export function uploadForm(
  fileName: string,
  bytes: Uint8Array | string,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  form.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], fileName));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

/** Row counts of every table an import may write: equal before and after = nothing changed. */
export async function importTableCounts(db: Queryable): Promise<Record<string, number>> {
  const tables = [
    'indicator_values',
    'imports',
    'import_value_changes',
    'audit_log',
    'admin_units',
    'unit_crosswalk',
    'spatial_weight_sets',
  ];
  const rows = await db.query<{ t: string; n: number }>(
    tables.map((t) => `select '${t}' as t, count(*)::int as n from ${t}`).join(' union all '),
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

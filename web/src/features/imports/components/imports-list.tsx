import { formatDate, formatDateTime } from '@pcmt/domain/format';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { afterDataChange } from '../../../lib/data-changes';
import { type Lang, periodLabel } from '../../../lib/i18n';
import { importsQuery } from '../api/imports-query';
import { rollBackImport } from '../api/upload';
import { importMessages } from '../messages';

/** Committed imports, newest first, each with a roll-back button while it is in force. */
export function ImportsList({ lang }: { lang: Lang }) {
  const t = (k: Parameters<typeof importMessages>[1]) => importMessages(lang, k);
  const queryClient = useQueryClient();
  const imports = useQuery(importsQuery);
  const [error, setError] = useState<string | null>(null);
  const rollBack = async (kind: 'values' | 'boundaries' | 'crosswalk', id: number) => {
    setError(null);
    try {
      await rollBackImport(kind, id);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
    // A rollback undoes values, boundaries or a crosswalk: refresh whatever read any of them.
    await afterDataChange(queryClient, 'values', 'units', 'crosswalk', 'imports');
  };
  return (
    <section className="import-section" data-testid="imports-list">
      <h3>{t('history')}</h3>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {imports.isError && (
        <p role="alert" className="error">
          {imports.error.message}
        </p>
      )}
      {imports.data && imports.data.rows.length === 0 && <p>{t('noImports')}</p>}
      {imports.data && imports.data.rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>{t('kind')}</th>
              <th>{t('file')}</th>
              <th>{t('target')}</th>
              <th>{t('when')}</th>
              <th>{t('status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {imports.data.rows.map((i) => (
              <tr key={i.id} data-import-id={i.id} data-status={i.status}>
                <td>{i.id}</td>
                <td>{t(i.kind)}</td>
                <td>{i.fileName}</td>
                <td>{targetLabel(i.kind, i.target, lang)}</td>
                <td>{formatDateTime(i.createdAt)}</td>
                <td>{i.status === 'committed' ? t('active') : t('rolledBack')}</td>
                <td>
                  {i.status === 'committed' && (
                    <button
                      type="button"
                      data-testid={`rollback-${i.id}`}
                      onClick={() => rollBack(i.kind, i.id)}
                    >
                      {t('rollback')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * What an import applies to as a reader says it: the period of values (`Quý III/2026`), the day boundaries
 * or a crosswalk take effect (`01/07/2025`), through the one formatter.
 */
export function targetLabel(kind: 'values' | 'boundaries' | 'crosswalk', target: string, lang: Lang): string {
  if (kind === 'values') return periodLabel(target, lang);
  return /^\d{4}-\d{2}-\d{2}/.test(target) ? formatDate(target) : target;
}

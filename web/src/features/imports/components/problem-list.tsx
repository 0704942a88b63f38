import type { Lang } from '../../../lib/i18n';
import type { Rejection } from '../api/rejection';
import { importMessages } from '../messages';

/** The problems of a refused file, one table row each, by sheet, row and column as the user's spreadsheet shows them. */
export function ProblemList({ rejection, lang }: { rejection: Rejection; lang: Lang }) {
  const t = (k: Parameters<typeof importMessages>[1]) => importMessages(lang, k);
  const hasSheet = rejection.problems.some((p) => p.sheet !== null);
  return (
    <section className="import-problems" role="alert" data-testid="import-problems">
      <h4>
        {t('problems')} ({rejection.problems.length})
      </h4>
      <table>
        <thead>
          <tr>
            {hasSheet && <th>{t('sheet')}</th>}
            <th>{t('row')}</th>
            <th>{t('column')}</th>
            <th>{t('message')}</th>
          </tr>
        </thead>
        <tbody>
          {rejection.problems.map((p, i) => (
            <tr key={i} data-row={p.row ?? ''} data-column={p.column ?? ''}>
              {hasSheet && <td>{p.sheet ?? ''}</td>}
              <td>{p.row ?? '—'}</td>
              <td>{p.column ? `${p.column}${p.header ? ` (${p.header})` : ''}` : '—'}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

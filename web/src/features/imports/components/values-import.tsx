import type { Job } from '@pcmt/domain/contracts/jobs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FileInput } from '../../../components/file-input';
import { sessionQuery } from '../../../entities/auth/session';
import { indicatorsQuery } from '../../../entities/indicators/api/get-indicators';
import { JobProgress } from '../../../entities/jobs/job-progress';
import { UnitPicker } from '../../../entities/units/components/unit-picker';
import { afterDataChange } from '../../../lib/data-changes';
import { formatNumber } from '../../../lib/format';
import { type Lang, periodLabel } from '../../../lib/i18n';
import { lastReportedQuarter, periodsOfKind, todayIso } from '../../../lib/periods';
import { ownScope, scopeChoices } from '../api/own-scope';
import type { Rejection } from '../api/rejection';
import { commitValues, previewValues, type ValuesCommit, type ValuesPreview } from '../api/upload';
import { importMessages } from '../messages';
import { ProblemList } from './problem-list';

type State =
  | { step: 'idle' }
  | { step: 'busy' }
  | { step: 'rejected'; rejection: Rejection }
  | { step: 'previewed'; preview: ValuesPreview }
  | { step: 'committed'; result: ValuesCommit }
  | { step: 'failed'; message: string };

/**
 * A periodic report, end to end: download a template for a quarter and a scope, upload the filled file,
 * see its problems by row and column (nothing written) or a preview of what it adds and changes, then write.
 */
export function ValuesImport({ lang }: { lang: Lang }) {
  const t = (k: Parameters<typeof importMessages>[1]) => importMessages(lang, k);
  const queryClient = useQueryClient();
  // The preview names indicators as the report's readers know them, not by code.
  const indicators = useQuery(indicatorsQuery);
  const indicatorName = (code: string) => {
    const row = indicators.data?.rows.find((r) => r.code === code);
    return row ? (lang === 'en' ? row.nameEn || row.nameVi : row.nameVi) : code;
  };
  const today = todayIso();
  const quarters = periodsOfKind('quarter', today).reverse();
  const [period, setPeriod] = useState(lastReportedQuarter(today).id);
  // undefined until the officer picks: the import starts on their own area (not a national template).
  const [scopeChoice, setScope] = useState<string | null | undefined>(undefined);
  const [layout, setLayout] = useState<'wide' | 'long'>('wide');
  const [file, setFile] = useState<File | null>(null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [state, setState] = useState<State>({ step: 'idle' });
  // A large import is written as a job on the server: its progress bar, with Hủy, while it runs.
  const [job, setJob] = useState<Job | null>(null);
  const [approve, setApprove] = useState(false);
  // The decimal mark the officer chose for a file whose cells do not tell (undefined: the file or the default).
  const [decimalMark, setDecimalMark] = useState<'comma' | 'dot' | undefined>(undefined);
  // Approving at once is the province office's: admins, and data officers holding a whole province.
  const user = useQuery(sessionQuery).data?.user ?? null;
  const scope = scopeChoice === undefined ? ownScope(user?.jurisdiction) : scopeChoice;
  const office =
    user?.role === 'admin' ||
    (user?.role === 'data_officer' && user.jurisdiction.some((c) => c === 'VN' || /^\d{2}$/.test(c)));
  const upload = (mark = decimalMark) => ({
    file: file as File,
    period,
    scope,
    choices,
    approve: office && approve,
    ...(mark ? { decimalMark: mark } : {}),
  });

  const run = async (action: 'check' | 'commit', mark = decimalMark) => {
    if (!file) return;
    setState({ step: 'busy' });
    setJob(null);
    try {
      if (action === 'check') {
        const out = await previewValues(upload(mark));
        setState(
          out.ok ? { step: 'previewed', preview: out.data } : { step: 'rejected', rejection: out.rejection },
        );
      } else {
        const out = await commitValues(upload(), setJob);
        setState(
          out.ok ? { step: 'committed', result: out.data } : { step: 'rejected', rejection: out.rejection },
        );
        await afterDataChange(queryClient, 'values', 'imports');
      }
    } catch (err) {
      setState({ step: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };

  const templateHref = (format: 'xlsx' | 'csv') => {
    const q = new URLSearchParams({ period, layout, format });
    if (scope) q.set('scope', scope);
    return `/api/imports/templates/values?${q}`;
  };

  return (
    <section className="import-section" data-testid="values-import">
      <h3>{t('valuesTitle')}</h3>
      <p className="import-help">{t('valuesHelp')}</p>
      <div className="import-controls">
        <label>
          {t('period')}{' '}
          <select data-testid="import-period" value={period} onChange={(e) => setPeriod(e.target.value)}>
            {quarters.map((q) => (
              <option key={q.id} value={q.id}>
                {periodLabel(q.id, lang)}
              </option>
            ))}
          </select>
        </label>
        <UnitPicker
          label={t('scope')}
          testId="import-scope"
          value={scope}
          onChange={setScope}
          within={scopeChoices(user?.jurisdiction)}
          {...(scopeChoices(user?.jurisdiction) === null ? { emptyLabel: t('scopeAll') } : {})}
        />
        <label>
          {t('layout')}{' '}
          <select value={layout} onChange={(e) => setLayout(e.target.value as 'wide' | 'long')}>
            <option value="wide">{t('wide')}</option>
            <option value="long">{t('long')}</option>
          </select>
        </label>
        <a href={templateHref('xlsx')} data-testid="template-xlsx" download>
          {t('downloadXlsx')}
        </a>
        <a href={templateHref('csv')} data-testid="template-csv" download>
          {t('downloadCsv')}
        </a>
      </div>
      <div className="import-controls">
        <FileInput
          label={t('file')}
          lang={lang}
          testId="values-file"
          accept=".xlsx,.csv"
          file={file}
          onChange={(chosen) => {
            setFile(chosen);
            setChoices({});
            setState({ step: 'idle' });
          }}
        />
        {office && (
          <label>
            <input
              type="checkbox"
              data-testid="import-approve"
              checked={approve}
              onChange={(e) => setApprove(e.target.checked)}
            />{' '}
            {t('approveNow')}
          </label>
        )}
        <button
          type="button"
          data-testid="values-check"
          disabled={!file || state.step === 'busy'}
          onClick={() => run('check')}
        >
          {state.step === 'busy' ? t('checking') : t('check')}
        </button>
      </div>
      {state.step === 'busy' && job && <JobProgress job={job} lang={lang} testId="import-job" />}
      {state.step === 'failed' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      {state.step === 'rejected' && state.rejection.problems.length > 0 && (
        <ProblemList rejection={state.rejection} lang={lang} />
      )}
      {state.step === 'rejected' && state.rejection.ambiguous.length > 0 && (
        <section className="import-ambiguous" data-testid="import-ambiguous">
          <h4>{t('ambiguous')}</h4>
          {state.rejection.ambiguous.map((a) => (
            <label key={a.key}>
              “{a.name}” ({t('row')} {a.rows.map((r) => r.row).join(', ')}){' '}
              <select
                value={choices[a.key] ?? ''}
                onChange={(e) => setChoices({ ...choices, [a.key]: e.target.value })}
              >
                <option value="">—</option>
                {a.candidates.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.code} {c.fullName}, {c.provinceName}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </section>
      )}
      {state.step === 'previewed' && (
        <section className="import-preview" data-testid="values-preview">
          <h4>{t('preview')}</h4>
          <p data-testid="values-preview-counts">
            {formatNumber(state.preview.added, lang)} {t('added')} ·{' '}
            {formatNumber(state.preview.changed, lang)} {t('changed')} ·{' '}
            {formatNumber(state.preview.unchanged, lang)} {t('unchanged')}
          </p>
          <table>
            <thead>
              <tr>
                <th>{t('unit')}</th>
                <th>{t('indicator')}</th>
                <th>{t('oldValue')}</th>
                <th>{t('newValue')}</th>
              </tr>
            </thead>
            <tbody>
              {state.preview.sample.map((s) => (
                <tr key={`${s.unitCode}|${s.indicatorCode}`}>
                  <td title={s.unitCode}>{s.unitName}</td>
                  <td title={s.indicatorCode}>{indicatorName(s.indicatorCode)}</td>
                  <td>{s.oldValue === null ? '—' : formatNumber(s.oldValue, lang)}</td>
                  <td>{formatNumber(s.newValue, lang, 6)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <NumbersRead
            numbers={state.preview.numbers}
            lang={lang}
            onChoose={(mark) => {
              setDecimalMark(mark);
              void run('check', mark);
            }}
          />
          <button
            type="button"
            data-testid="values-commit"
            onClick={() => run('commit')}
            disabled={state.preview.added + state.preview.changed === 0}
          >
            {t('commit')}
          </button>
        </section>
      )}
      {state.step === 'committed' && (
        <p role="status" data-testid="import-result">
          {state.result.importId === null
            ? t('nothingToWrite')
            : `${t('committed')} ${state.result.importId}: ${formatNumber(state.result.added, lang)} ${t('added')}, ${formatNumber(state.result.changed, lang)} ${t('changed')}`}
          {state.result.reports && state.result.reports.submissions > 0
            ? `; ${formatNumber(state.result.reports.submissions, lang, 0)} ${t(state.result.reports.state === 'approved' ? 'reportsApproved' : 'reportsSubmitted')}`
            : ''}
        </p>
      )}
    </section>
  );
}

/**
 * How the file's numbers were read (one decimal mark for the whole file) and the values that read two ways
 * ("96.163"), each with what it was read as; when the file's cells do not decide, the officer may choose.
 */
function NumbersRead({
  numbers,
  lang,
  onChoose,
}: {
  numbers: ValuesPreview['numbers'];
  lang: Lang;
  onChoose: (mark: 'comma' | 'dot') => void;
}) {
  const t = (k: Parameters<typeof importMessages>[1]) => importMessages(lang, k);
  if (numbers.ambiguousCount === 0) return null;
  const by =
    numbers.decidedBy === 'cells' ? 'byCells' : numbers.decidedBy === 'choice' ? 'byChoice' : 'byDefault';
  return (
    <div className="import-numbers" data-testid="values-preview-numbers">
      <p>
        {t(numbers.convention === 'dot' ? 'numbersDot' : 'numbersComma')}, {t(by)}.
      </p>
      <p>
        {t('ambiguousNumbers')} ({formatNumber(numbers.ambiguousCount, lang, 0)}):
      </p>
      <ul>
        {numbers.ambiguous.map((a) => (
          <li key={`${a.sheet}|${a.row}|${a.column}`}>
            {a.sheet ? `${a.sheet}, ` : ''}
            {t('row')} {a.row}, {t('column').toLowerCase()} {a.column}: “{a.text}” {t('readAs')}{' '}
            {formatNumber(a.value, lang, 6)} ({t(Number.isInteger(a.value) ? 'wholeNumber' : 'decimalNumber')}
            )
          </li>
        ))}
      </ul>
      {numbers.decidedBy !== 'cells' && (
        <label>
          {t('decimalMark')}{' '}
          <select
            data-testid="values-decimal-mark"
            value={numbers.convention}
            onChange={(e) => onChoose(e.target.value === 'dot' ? 'dot' : 'comma')}
          >
            <option value="comma">{t('markComma')}</option>
            <option value="dot">{t('markDot')}</option>
          </select>
        </label>
      )}
    </div>
  );
}

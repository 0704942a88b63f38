import type { Job } from '@pcmt/domain/contracts/jobs';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DateInput } from '../../../components/date-input';
import { FileInput } from '../../../components/file-input';
import { JobProgress } from '../../../entities/jobs/job-progress';
import { afterDataChange } from '../../../lib/data-changes';
import type { Lang } from '../../../lib/i18n';
import type { Rejection } from '../api/rejection';
import { type BoundariesReport, commitBoundaries, previewBoundaries } from '../api/upload';
import { importMessages } from '../messages';
import { ProblemList } from './problem-list';
import { VersionDiff } from './version-diff';

/** Coordinate systems offered when a file does not say its own: WGS 84, or the VN-2000 ones official data use. */
const CRS_CHOICES: readonly [string, string][] = [
  ['EPSG:4326', 'WGS 84'],
  ['EPSG:4756', 'VN-2000 (độ)'],
  ['EPSG:3405', 'VN-2000 / UTM 48N'],
  ['EPSG:3406', 'VN-2000 / UTM 49N'],
  ['VN2000-TM3:104', 'VN-2000 / TM-3 104°00′ (Sơn La)'],
  ['VN2000-TM3:104.75', 'VN-2000 / TM-3 104°45′ (Lào Cai)'],
  ['VN2000-TM3:105', 'VN-2000 / TM-3 105°00′ (Hà Nội)'],
  ['VN2000-TM3:107.75', 'VN-2000 / TM-3 107°45′ (Quảng Ninh, Đồng Nai)'],
  ['VN2000-TM3:108.5', 'VN-2000 / TM-3 108°30′ (Gia Lai, Đắk Lắk)'],
];

type State =
  | { step: 'idle' }
  | { step: 'busy' }
  | { step: 'rejected'; rejection: Rejection }
  | { step: 'previewed'; report: BoundariesReport }
  | { step: 'committed'; report: BoundariesReport & { importId: number } }
  | { step: 'failed'; message: string };

/** A boundary file as a new unit version: preview the difference from the current version, then write it. */
export function BoundariesImport({ lang }: { lang: Lang }) {
  const t = (k: Parameters<typeof importMessages>[1]) => importMessages(lang, k);
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [validFrom, setValidFrom] = useState('');
  const [level, setLevel] = useState<'commune' | 'province'>('commune');
  const [crs, setCrs] = useState('');
  const [scope, setScope] = useState<'update' | 'replace'>('update');
  const [decree, setDecree] = useState('');
  const [decreeDate, setDecreeDate] = useState('');
  const [state, setState] = useState<State>({ step: 'idle' });
  // A large import is written as a job on the server: its progress bar, with Hủy, while it runs.
  const [job, setJob] = useState<Job | null>(null);

  const run = async (action: 'check' | 'commit') => {
    if (!file || !validFrom) return;
    setState({ step: 'busy' });
    setJob(null);
    const upload = { file, validFrom, level, crs: crs || null, scope, decree, decreeDate };
    try {
      if (action === 'check') {
        const out = await previewBoundaries(upload);
        setState(
          out.ok ? { step: 'previewed', report: out.data } : { step: 'rejected', rejection: out.rejection },
        );
      } else {
        const out = await commitBoundaries(upload, setJob);
        setState(
          out.ok ? { step: 'committed', report: out.data } : { step: 'rejected', rejection: out.rejection },
        );
        await afterDataChange(queryClient, 'units', 'crosswalk', 'imports');
      }
    } catch (err) {
      setState({ step: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <section className="import-section" data-testid="boundaries-import">
      <h3>{t('boundariesTitle')}</h3>
      <p className="import-help">{t('boundariesHelp')}</p>
      <div className="import-controls">
        <FileInput
          label={t('file')}
          lang={lang}
          testId="boundaries-file"
          accept=".geojson,.json,.topojson,.kml,.kmz,.zip"
          file={file}
          onChange={(chosen) => {
            setFile(chosen);
            setState({ step: 'idle' });
          }}
        />
        <label htmlFor="boundaries-valid-from">
          {t('validFrom')}{' '}
          <DateInput
            id="boundaries-valid-from"
            data-testid="boundaries-valid-from"
            value={validFrom}
            onChange={setValidFrom}
          />
        </label>
        <label>
          {t('decree')}{' '}
          <input
            type="text"
            data-testid="boundaries-decree"
            placeholder="1656/NQ-UBTVQH15"
            value={decree}
            onChange={(e) => setDecree(e.target.value)}
          />
        </label>
        <label htmlFor="boundaries-decree-date">
          {t('decreeDate')}{' '}
          <DateInput
            id="boundaries-decree-date"
            data-testid="boundaries-decree-date"
            value={decreeDate}
            onChange={setDecreeDate}
          />
        </label>
        <label>
          {t('fileHolds')}{' '}
          <select
            data-testid="boundaries-scope"
            value={scope}
            onChange={(e) => setScope(e.target.value as 'update' | 'replace')}
          >
            <option value="update">{t('scopeUpdate')}</option>
            <option value="replace">{t('scopeReplace')}</option>
          </select>
        </label>
        <label>
          {t('level')}{' '}
          <select value={level} onChange={(e) => setLevel(e.target.value as 'commune' | 'province')}>
            <option value="commune">{t('commune')}</option>
            <option value="province">{t('province')}</option>
          </select>
        </label>
        <label>
          {t('crs')}{' '}
          <select data-testid="boundaries-crs" value={crs} onChange={(e) => setCrs(e.target.value)}>
            <option value="">{t('crsAuto')}</option>
            {CRS_CHOICES.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="boundaries-check"
          disabled={!file || !validFrom || state.step === 'busy'}
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
      {state.step === 'rejected' && <ProblemList rejection={state.rejection} lang={lang} />}
      {(state.step === 'previewed' || state.step === 'committed') && (
        <VersionDiff report={state.report} lang={lang} />
      )}
      {state.step === 'previewed' && (
        <button type="button" data-testid="boundaries-commit" onClick={() => run('commit')}>
          {t('commit')}
        </button>
      )}
      {state.step === 'committed' && (
        <p role="status" data-testid="boundaries-result">
          {t('committed')} {state.report.importId}
        </p>
      )}
    </section>
  );
}

import { type Lang, periodLabel, translate } from '../../../lib/i18n';
import { latestPeriod, type Period, type PeriodKind, periodsOfKind } from '../../../lib/periods';

export interface PeriodPickerProps {
  period: Period;
  today: string;
  /** True when the period was reported on the units before 1/7/2025. */
  old: boolean;
  todayUnits: boolean;
  lang: Lang;
  onPeriod: (id: string) => void;
  onTodayUnits: (on: boolean) => void;
}

const KINDS: PeriodKind[] = ['year', 'half', 'quarter'];

/** Period kind, a slider over its periods (2019 …), and for old periods the "today's units" switch. */
export function PeriodPicker(p: PeriodPickerProps) {
  const t = (k: Parameters<typeof translate>[1]) => translate(p.lang, k);
  const periods = periodsOfKind(p.period.kind, p.today);
  const index = Math.max(
    0,
    periods.findIndex((x) => x.id === p.period.id),
  );
  const changeKind = (kind: PeriodKind) => {
    // Keep the year in view: the same year's last period of the new kind, or the latest.
    const inYear = periodsOfKind(kind, p.today).filter((x) => x.year === p.period.year);
    p.onPeriod((inYear[inYear.length - 1] ?? latestPeriod(kind, p.today)).id);
  };
  return (
    <fieldset className="control-group">
      <legend>{t('period')}</legend>
      <div className="row">
        <select
          aria-label={t('periodKind')}
          data-testid="period-kind"
          value={p.period.kind}
          onChange={(e) => changeKind(e.target.value as PeriodKind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(k)}
            </option>
          ))}
        </select>
        <output data-testid="period-label" aria-live="polite">
          {periodLabel(p.period.id, p.lang)}
        </output>
      </div>
      <input
        type="range"
        aria-label={t('period')}
        aria-valuetext={periodLabel(p.period.id, p.lang)}
        data-testid="period-slider"
        min={0}
        max={periods.length - 1}
        step={1}
        value={index}
        onChange={(e) => {
          const next = periods[Number(e.target.value)];
          if (next) p.onPeriod(next.id);
        }}
      />
      {p.old && (
        <div className="note">
          <p>{t('oldUnitsNote')}</p>
          <label>
            <input
              type="checkbox"
              data-testid="today-units"
              checked={p.todayUnits}
              onChange={(e) => p.onTodayUnits(e.target.checked)}
            />{' '}
            {t('todayUnits')}
          </label>
          {p.todayUnits && <p>{t('crosswalkNote')}</p>}
        </div>
      )}
    </fieldset>
  );
}

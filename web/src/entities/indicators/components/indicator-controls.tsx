import { type Lang, translate } from '../../../lib/i18n';
import { type ClassMethod, STATUS_INDICATOR } from '../../../lib/url-state';

export interface IndicatorOption {
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface IndicatorControlsProps {
  indicators: readonly IndicatorOption[];
  indicator: string;
  method: ClassMethod;
  classes: number;
  lang: Lang;
  onChange: (patch: { indicator?: string; method?: ClassMethod; classes?: number }) => void;
}

const METHODS: ClassMethod[] = ['quantile', 'equal', 'jenks'];

/** What the map colours: the commune classification or an indicator, and how an indicator is classed. */
export function IndicatorControls(p: IndicatorControlsProps) {
  const t = (k: Parameters<typeof translate>[1]) => translate(p.lang, k);
  return (
    <fieldset className="control-group">
      <legend>{t('indicator')}</legend>
      <select
        aria-label={t('indicator')}
        data-testid="indicator-select"
        value={p.indicator}
        onChange={(e) => p.onChange({ indicator: e.target.value })}
      >
        <option value={STATUS_INDICATOR}>{t('statusIndicator')}</option>
        {p.indicators.map((i) => (
          <option key={i.code} value={i.code}>
            {p.lang === 'vi' ? i.nameVi : i.nameEn}
          </option>
        ))}
      </select>
      {p.indicator !== STATUS_INDICATOR && (
        <div className="row">
          <label>
            {t('classMethod')}{' '}
            <select
              value={p.method}
              data-testid="method-select"
              onChange={(e) => p.onChange({ method: e.target.value as ClassMethod })}
            >
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(m)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('classes')}{' '}
            <select
              value={p.classes}
              data-testid="classes-select"
              onChange={(e) => p.onChange({ classes: Number(e.target.value) })}
            >
              {[3, 4, 5, 6, 7].map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </fieldset>
  );
}

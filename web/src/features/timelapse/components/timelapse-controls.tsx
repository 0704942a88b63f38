import { formatNumber } from '../../../lib/format';
import type { Lang } from '../../../lib/i18n';
import { timelapseText } from '../messages';
import { SPEEDS_MS } from '../timelapse-steps';
import '../timelapse.css';

export interface TimelapseControlsProps {
  playing: boolean;
  speedMs: number;
  lang: Lang;
  onToggle: () => void;
  onSpeed: (ms: number) => void;
}

/** Play/pause and the pace of the time-lapse, beside the period picker. */
export function TimelapseControls(p: TimelapseControlsProps) {
  const t = (k: Parameters<typeof timelapseText>[1]) => timelapseText(p.lang, k);
  return (
    <fieldset className="timelapse-controls row" aria-label={t('timelapse')}>
      <button
        type="button"
        className="timelapse-play"
        data-testid="timelapse-play"
        aria-pressed={p.playing}
        title={t('playHint')}
        onClick={p.onToggle}
      >
        <span aria-hidden="true">{p.playing ? '⏸' : '▶'}</span> {p.playing ? t('pause') : t('play')}
      </button>
      <label>
        {t('speed')}{' '}
        <select
          data-testid="timelapse-speed"
          value={p.speedMs}
          onChange={(e) => p.onSpeed(Number(e.target.value))}
        >
          {SPEEDS_MS.map((ms) => (
            <option key={ms} value={ms}>
              {formatNumber(ms / 1000, p.lang, 1)} {t('secondsPerPeriod')}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

import { useLayoutEffect, useRef, useState } from 'react';
import { type Lang, translate } from '../../../lib/i18n';
import type { HotspotPoint } from '../hotspot-points';

export interface HotspotPopupProps {
  hotspot: HotspotPoint;
  communeName: string | null;
  x: number;
  y: number;
  lang: Lang;
  onClose: () => void;
}

const formatDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '–');

/** Kind, dates and commune of one hotspot, next to where it was picked, always wholly inside the map. */
export function HotspotPopup({ hotspot, communeName, x, y, lang, onClose }: HotspotPopupProps) {
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const box = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState({ left: x + 12, top: y + 12 });
  // Near the right or bottom edge (any point on a phone) the popup moves in rather than off screen.
  useLayoutEffect(() => {
    const el = box.current;
    const map = el?.offsetParent;
    if (!el || !(map instanceof HTMLElement)) return;
    const left = Math.max(4, Math.min(x + 12, map.clientWidth - el.offsetWidth - 4));
    const top = Math.max(4, Math.min(y + 12, map.clientHeight - el.offsetHeight - 4));
    setAt({ left, top });
  }, [x, y]);
  return (
    <div ref={box} className="popup" style={at} role="dialog" data-testid="hotspot-popup">
      <button type="button" className="close" aria-label={t('close')} onClick={onClose}>
        ×
      </button>
      <strong>
        {t(hotspot.kind)} · {t(hotspot.status)}
      </strong>
      <dl>
        <dt>{t('commune')}</dt>
        <dd>{communeName ?? hotspot.communeCode}</dd>
        <dt>{t('detectedOn')}</dt>
        <dd>{formatDate(hotspot.detectedOn)}</dd>
        <dt>{t('eliminatedOn')}</dt>
        <dd>{formatDate(hotspot.eliminatedOn)}</dd>
        {hotspot.reemergedOn && (
          <>
            <dt>{t('reemergedOn')}</dt>
            <dd>{formatDate(hotspot.reemergedOn)}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

import { type Lang, translate } from '../../../lib/i18n';
import type { HotspotPoint } from '../layers/hotspot-layers';

export interface HotspotPopupProps {
  hotspot: HotspotPoint;
  communeName: string | null;
  x: number;
  y: number;
  lang: Lang;
  onClose: () => void;
}

const formatDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '–');

/** Kind, dates and commune of one hotspot, next to where it was picked. */
export function HotspotPopup({ hotspot, communeName, x, y, lang, onClose }: HotspotPopupProps) {
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  return (
    <div className="popup" style={{ left: x + 12, top: y + 12 }} role="dialog" data-testid="hotspot-popup">
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

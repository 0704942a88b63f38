import { type Lang, translate } from '../../../lib/i18n';
import { ACTIVE_COLOR, ELIMINATED_COLOR, HOTSPOT_DENSITY_MAX_ZOOM } from '../hotspot-style';

const rgba = ([r, g, b, a]: readonly number[]) => `rgba(${r}, ${g}, ${b}, ${(a ?? 255) / 255})`;

/** One symbol as the map draws it (layers/hotspot-layers.ts): filled when active, a grey ring when eliminated. */
function HotspotSymbol({ active, radius }: { active: boolean; radius: number }) {
  return (
    <svg width={20} height={20} viewBox="0 0 20 20" aria-hidden="true">
      <circle
        cx={10}
        cy={10}
        r={radius}
        fill={active ? rgba(ACTIVE_COLOR) : 'none'}
        stroke={active ? '#ffffff' : rgba(ELIMINATED_COLOR)}
        strokeWidth={active ? 1.5 : 2}
      />
    </svg>
  );
}

/**
 * What the hotspot symbols mean: active filled, eliminated hollow, a gathering place (tụ điểm) larger than a
 * place (điểm); zoomed out, the map shows the density of active ones instead.
 */
export function HotspotLegend({ lang, zoom }: { lang: Lang; zoom: number }) {
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const rows = [
    { key: 'active-tu', active: true, radius: 7, text: `${t('tu_diem')} — ${t('active').toLowerCase()}` },
    { key: 'active-diem', active: true, radius: 5, text: `${t('diem')} — ${t('active').toLowerCase()}` },
    { key: 'eliminated', active: false, radius: 6, text: t('eliminated') },
  ];
  return (
    <section className="legend" aria-label={t('hotspots')} data-testid="hotspot-legend">
      <ul>
        {rows.map((r) => (
          <li key={r.key}>
            <HotspotSymbol active={r.active} radius={r.radius} /> {r.text}
          </li>
        ))}
      </ul>
      {zoom < HOTSPOT_DENSITY_MAX_ZOOM && (
        <p className="muted">
          {lang === 'vi' ? 'Thu nhỏ: mật độ điểm đang hoạt động' : 'Zoomed out: density of active places'}
        </p>
      )}
    </section>
  );
}

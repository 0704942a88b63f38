import type { Lang } from '../../lib/i18n';
import { useHomeAreaName } from './home-area';

/**
 * The area a page shows, after its title: "Kế hoạch và chỉ tiêu: Thành phố Hà Nội", "…: Toàn quốc" for a
 * national account. Nothing while the name is looked up (never a code).
 */
export function PageArea({ lang }: { lang: Lang }) {
  const name = useHomeAreaName(lang);
  return name ? <span data-testid="page-area">: {name}</span> : null;
}

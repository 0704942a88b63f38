import { type Lang, translate } from '../../lib/i18n';

export interface BreadcrumbProps {
  provinceName: string | null;
  unitName: string | null;
  lang: Lang;
  onCountry: () => void;
  onProvince: () => void;
}

/** Where the view is: country › province › commune; each step back up is a button. */
export function Breadcrumb(p: BreadcrumbProps) {
  return (
    <nav aria-label={translate(p.lang, 'breadcrumb')} className="breadcrumb" data-testid="breadcrumb">
      <ol>
        <li>
          {p.provinceName ? (
            <button type="button" className="link" onClick={p.onCountry}>
              {translate(p.lang, 'country')}
            </button>
          ) : (
            <span aria-current="page">{translate(p.lang, 'country')}</span>
          )}
        </li>
        {p.provinceName && (
          <li>
            {p.unitName ? (
              <button type="button" className="link" onClick={p.onProvince}>
                {p.provinceName}
              </button>
            ) : (
              <span aria-current="page">{p.provinceName}</span>
            )}
          </li>
        )}
        {p.unitName && (
          <li>
            <span aria-current="page">{p.unitName}</span>
          </li>
        )}
      </ol>
    </nav>
  );
}

import { formatDate } from '@pcmt/domain/format';
import { useQuery } from '@tanstack/react-query';
import { ApiErrorNotice } from '../../components/api-error-notice';
import { PageArea } from '../../entities/auth/page-area';
import { hrefWithLang, langOf, onInAppLinkClick, useLocation } from '../../lib/navigation';
import { plansQuery } from './api/plans-api';
import { planText } from './messages';
import './plans.css';
import { routePath } from '../../lib/routes';

/** Every plan with its scope, period and number of targets; links to its page and scorecard. */
export default function PlanListPage() {
  const location = useLocation();
  const lang = langOf(location.search);
  const t = (k: Parameters<typeof planText>[1]) => planText(lang, k);
  const plans = useQuery(plansQuery());
  return (
    <main className="plans-page" data-testid="plan-list">
      <h2>
        {t('plans')}
        <PageArea lang={lang} />
      </h2>
      <p className="toolbar">
        <a href={hrefWithLang(routePath({ page: 'plan-new' }), lang)} onClick={onInAppLinkClick}>
          + {t('newPlan')}
        </a>
      </p>
      {plans.isError && <ApiErrorNotice error={plans.error} lang={lang} />}
      <ul className="plan-list">
        {plans.data?.rows.map((p) => (
          <li key={p.code}>
            <h3>
              <a
                href={hrefWithLang(routePath({ page: 'plan', plan: p.code }), lang)}
                onClick={onInAppLinkClick}
              >
                {p.title}
              </a>
            </h3>
            <div className="meta">
              {p.issuingBody} · {p.documentNo} · {t('scope')}: {p.scope?.name ?? t('country')}
              {p.scope?.validTo
                ? ` (${lang === 'vi' ? 'đơn vị trước sắp xếp' : 'unit before a reorganisation'})`
                : ''}{' '}
              · {t('period')}: {formatDate(p.periodStart)} – {formatDate(p.periodEnd)} · {p.targetCount}{' '}
              {t('targets')} ·{' '}
              <a
                href={hrefWithLang(routePath({ page: 'scorecard', plan: p.code }), lang)}
                onClick={onInAppLinkClick}
              >
                {t('scorecard')}
              </a>
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}

import type { ReactNode } from 'react';
import { apiErrorText } from '../lib/api-error';
import type { Lang } from '../lib/i18n';

/**
 * How every page shows an API error: what happened and what to do, in the user's language (403 and 404
 * explain the jurisdiction instead of repeating the server's English); `children` adds a way out, such as a
 * link to the user's own area.
 */
export function ApiErrorNotice(p: { error: unknown; lang: Lang; children?: ReactNode }) {
  const text = apiErrorText(p.error, p.lang);
  return (
    <div role="alert" className="api-error" data-testid="api-error">
      <p className="api-error-title">{text.title}</p>
      <p>{text.hint}</p>
      {text.detail && <p className="api-error-detail">{text.detail}</p>}
      {p.children}
    </div>
  );
}

import type { PublicSummaryResponse } from '@pcmt/domain/contracts/public';
import { formatPercent, periodLabel } from '@pcmt/domain/format';

/**
 * Link previews of the public pages: crawlers (chat apps, social networks) read the HTML head and run no
 * script, so the server writes the page's title, description and picture into index.html's head.
 */

/** `/cong-khai` (the country) or `/cong-khai/<province code>`; null for any other path. */
export function publicPageArea(pathname: string): { province: string | null } | null {
  const m = /^\/cong-khai(?:\/(\d{2}))?\/?$/.exec(pathname);
  return m ? { province: m[1] ?? null } : null;
}

export interface PreviewTags {
  title: string;
  description: string;
  /** Absolute URL of the PNG (og:image must be absolute); null: no trustworthy origin, no tag. */
  image: string | null;
  url: string | null;
}

/**
 * What a preview says about a summary, in the page's language. `origin` is the public origin of absolute
 * links (lib/public-origin.ts), never a Host header as the client wrote it; null leaves them out.
 */
export function previewTags(
  summary: PublicSummaryResponse,
  lang: 'vi' | 'en',
  origin: string | null,
  pathWithQuery: string,
): PreviewTags {
  const { drugFree } = summary;
  const period = periodLabel(summary.meta.period, lang);
  const share = drugFree.current.sharePct === null ? '–' : formatPercent(drugFree.current.sharePct, lang, 1);
  const name =
    summary.area.level === 'country' ? (lang === 'vi' ? 'Toàn quốc' : 'Vietnam') : summary.area.name;
  const synthetic = summary.meta.synthetic
    ? lang === 'vi'
      ? ' Dữ liệu minh họa, không phải số liệu chính thức.'
      : ' Demo data, not official figures.'
    : '';
  const description =
    lang === 'vi'
      ? `${name}: ${drugFree.current.drugFree}/${drugFree.current.total} xã, phường không ma túy (${share}), số liệu đến ${period}.${synthetic}`
      : `${name}: ${drugFree.current.drugFree} of ${drugFree.current.total} communes drug-free (${share}), data as of ${period}.${synthetic}`;
  const title =
    lang === 'vi'
      ? `${name} — Công khai phòng, chống ma túy | PCMT Atlas`
      : `${name} — Drug prevention, public summary | PCMT Atlas`;
  const query = summary.area.code ? `?province=${summary.area.code}` : '';
  return {
    title,
    description,
    image: origin === null ? null : `${origin}/api/public/preview.png${query}`,
    url: origin === null ? null : `${origin}${pathWithQuery}`,
  };
}

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** index.html with the preview's title and meta tags in its head (the built page's own title replaced). */
export function withPreviewHead(indexHtml: string, tags: PreviewTags): string {
  const meta = [
    `<title>${escapeHtml(tags.title)}</title>`,
    `<meta name="description" content="${escapeHtml(tags.description)}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:title" content="${escapeHtml(tags.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(tags.description)}" />`,
    ...(tags.image === null
      ? []
      : [
          `<meta property="og:image" content="${escapeHtml(tags.image)}" />`,
          `<meta property="og:image:width" content="1200" />`,
          `<meta property="og:image:height" content="630" />`,
        ]),
    ...(tags.url === null ? [] : [`<meta property="og:url" content="${escapeHtml(tags.url)}" />`]),
    `<meta name="twitter:card" content="${tags.image === null ? 'summary' : 'summary_large_image'}" />`,
  ].join('\n    ');
  const withoutTitle = indexHtml.replace(/<title>[\s\S]*?<\/title>\s*/i, '');
  return withoutTitle.replace(/<\/head>/i, `  ${meta}\n  </head>`);
}

/**
 * The HTML of a public page, or null when the path is not one (or its summary cannot be had: the page
 * itself then shows why). `summaryOf` asks the API, so the answer and its cache are the API's own;
 * `origin` is where absolute links point (lib/public-origin.ts `linkOrigin`).
 */
export async function publicPageHtml(
  indexHtml: string,
  url: URL,
  origin: string | null,
  summaryOf: (province: string | null) => Promise<PublicSummaryResponse | null>,
): Promise<string | null> {
  const area = publicPageArea(url.pathname);
  if (!area) return null;
  const summary = await summaryOf(area.province);
  if (!summary) return null;
  const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'vi';
  return withPreviewHead(indexHtml, previewTags(summary, lang, origin, url.pathname + url.search));
}

/** Reads a public summary through the API in-process (same access rules, same cache as a browser gets). */
export function summaryFromApi(api: { request(path: string): Response | Promise<Response> }) {
  return async (province: string | null): Promise<PublicSummaryResponse | null> => {
    const res = await api.request(`/api/public/summary${province ? `?province=${province}` : ''}`);
    return res.ok ? ((await res.json()) as PublicSummaryResponse) : null;
  };
}

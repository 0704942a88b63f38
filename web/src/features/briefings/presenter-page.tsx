import { formatDate } from '@pcmt/domain/format';
import { reorganisations } from '@pcmt/domain/unit-versions';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { ApiErrorNotice } from '../../components/api-error-notice';
import { JobProgress, jobFileHref, jobKey, useJob } from '../../entities/jobs/job-progress';
import { receivedText } from '../../entities/reporting/received-text';
import { type Lang, periodLabel } from '../../lib/i18n';
import { hrefWithLang, langOf, navigate, onInAppLinkClick, useLocation } from '../../lib/navigation';
import { routeAs, routePath } from '../../lib/routes';
import { useUnitVersions } from '../../lib/unit-versions';
import { briefingQuery, briefingXlsxHref, startBriefingPdfJob } from './api/briefings-api';
import { SlidePanel } from './components/slide-panel';
import { SnapshotMap } from './components/snapshot-map';
import { deckAction, stepSlide } from './lib/deck-keys';
import { liveHref } from './lib/live-href';
import { briefingText } from './messages';
import './briefings.css';

/** Type size of the slide: readable from the back of a meeting room at 1366×768, not huge on a 4K wall. */
function slideFontPx(width: number): number {
  return Math.min(48, Math.max(15, 8 + width * 0.0078));
}

function useSlideFontPx(): number {
  const [px, setPx] = useState(() => slideFontPx(window.innerWidth));
  useEffect(() => {
    const onResize = () => setPx(slideFontPx(window.innerWidth));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return px;
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Keys that a focused control needs for itself (a button's Space, a link's Enter). */
function ownedByControl(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return (key === ' ' || key === 'Enter') && ['BUTTON', 'A'].includes(target.tagName);
}

/**
 * Presentation mode: a saved briefing, one view per slide, over the whole screen (the app's header is hidden
 * under it), stepped with the keyboard or a clicker. The slide number is in the link (`?trang=2`), so a link
 * opens the slide being discussed. Figures come from the briefing's frozen snapshot, never from today's data.
 */
export default function PresenterPage() {
  const location = useLocation();
  const lang: Lang = langOf(location.search);
  const t = (k: Parameters<typeof briefingText>[1]) => briefingText(lang, k);
  const id = routeAs('presenter', location.pathname)?.briefing ?? '';
  const briefing = useQuery(briefingQuery(id));
  const versions = useUnitVersions();
  const count = briefing.data?.views.length ?? 0;
  const asked = Number(location.search.get('trang'));
  const index = Math.min(
    Math.max(Number.isInteger(asked) && asked > 0 ? asked - 1 : 0, 0),
    Math.max(count - 1, 0),
  );
  const fontPx = useSlideFontPx();
  const [copied, setCopied] = useState(false);
  // The PDF pack is rendered as a job (as on the briefings page): a progress bar, then the file.
  const queryClient = useQueryClient();
  const [pdfJobId, setPdfJobId] = useState<string | null>(null);
  const pdf = useJob(pdfJobId);
  const startPdf = useMutation({
    mutationFn: (b: { id: string; confidential: boolean }) => startBriefingPdfJob(b.id, b.confidential),
    onSuccess: (job) => {
      queryClient.setQueryData(jobKey(job.id), job);
      setPdfJobId(job.id);
    },
  });

  const goTo = useCallback((i: number) => {
    const q = new URLSearchParams(window.location.search);
    if (i === 0) q.delete('trang');
    else q.set('trang', String(i + 1));
    const query = q.toString();
    navigate(`${window.location.pathname}${query ? `?${query}` : ''}`, { replace: true });
  }, []);
  const exit = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else navigate(hrefWithLang(routePath({ page: 'briefings' }), lang));
  }, [lang]);
  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => {});
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (ownedByControl(e.target, e.key)) return;
      const action = deckAction(e.key, { ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey });
      if (!action) return;
      e.preventDefault();
      if (action === 'fullscreen') toggleFullscreen();
      else if (action === 'exit') exit();
      else goTo(stepSlide(index, count, action));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, count, goTo, exit, toggleFullscreen]);

  if (briefing.isPending) return <p className="loading">…</p>;
  if (briefing.isError)
    return (
      <main className="briefings-page">
        <ApiErrorNotice error={briefing.error} lang={lang}>
          <a href={hrefWithLang(routePath({ page: 'briefings' }), lang)} onClick={onInAppLinkClick}>
            {t('briefings')}
          </a>
        </ApiErrorNotice>
      </main>
    );
  const b = briefing.data;
  const view = b.views[index];
  if (!view) return <p className="error">{t('notFound')}</p>;
  const { spec, snapshot } = view;
  const what = snapshot.indicator
    ? lang === 'vi'
      ? snapshot.indicator.nameVi
      : snapshot.indicator.nameEn
    : t('status');
  const area = snapshot.parentName ?? t('country');
  // Units a later reorganisation replaced are said so, with the day it took effect.
  const replacedOn = reorganisations(versions).find((r) => r.date > snapshot.at)?.date;
  const subtitle = `${area} · ${what} · ${periodLabel(snapshot.period, lang)}${
    replacedOn
      ? lang === 'vi'
        ? ` (đơn vị trước ${formatDate(replacedOn)})`
        : ` (units before ${formatDate(replacedOn)})`
      : ''
  }`;

  return (
    <div
      className="presenter"
      data-testid="presenter"
      data-slide={index + 1}
      style={{ fontSize: `${fontPx}px`, ['--ui-scale' as string]: String(Math.max(1, fontPx / 18)) }}
      lang={lang}
    >
      <header className="slide-head">
        {b.confidential && (
          <span className="mat-mark" data-testid="mat-mark">
            {t('mat')}
          </span>
        )}
        <div>
          <h1 data-testid="slide-title">{spec.title}</h1>
          <p className="slide-sub" data-testid="slide-period">
            {subtitle}
            {snapshot.reports && (
              <span data-testid="slide-received"> · {receivedText(snapshot.reports, lang)}</span>
            )}
          </p>
        </div>
        <span className="slide-briefing">{b.title}</span>
      </header>
      <div className="slide-body">
        <div className="slide-map">
          <SnapshotMap
            spec={spec}
            snapshot={snapshot}
            renderKey={`${b.id}|${index}`}
            label={`${spec.title} — ${subtitle}`}
          />
          {snapshot.synthetic && <p className="slide-synthetic">{t('synthetic')}</p>}
        </div>
        <div className="slide-side">
          <SlidePanel snapshot={snapshot} lang={lang} fontPx={fontPx} />
          {spec.note && (
            <p className="slide-note" data-testid="slide-note">
              {spec.note}
            </p>
          )}
        </div>
      </div>
      <footer className="slide-foot">
        <span data-testid="slide-counter">
          {t('slide')} {index + 1}/{count}
        </span>
        <span className="slide-source" title={snapshot.source}>
          {t('asOf')} {dmy(b.createdAt)} · {t('source')}: {snapshot.source}
        </span>
        {(pdf.data || startPdf.isError) && (
          <div className="slide-pdf">
            {pdf.data && <JobProgress job={pdf.data} lang={lang} testId="briefing-pdf-progress" />}
            {pdf.data?.state === 'done' && (
              <a href={jobFileHref(pdf.data.id)} download data-testid="briefing-pdf-file">
                {t('downloadPdf')}
              </a>
            )}
            {startPdf.isError && <ApiErrorNotice error={startPdf.error} lang={lang} />}
          </div>
        )}
        <nav className="slide-controls" aria-label={t('briefings')}>
          <button
            type="button"
            onClick={() => goTo(stepSlide(index, count, 'previous'))}
            disabled={index === 0}
          >
            ← {t('previous')}
          </button>
          <button
            type="button"
            data-testid="slide-next"
            onClick={() => goTo(stepSlide(index, count, 'next'))}
            disabled={index === count - 1}
          >
            {t('next')} →
          </button>
          <button type="button" onClick={toggleFullscreen}>
            {t('fullscreen')}
          </button>
          <button
            type="button"
            data-testid="briefing-pdf-job"
            disabled={startPdf.isPending || pdf.data?.state === 'running'}
            onClick={() => startPdf.mutate({ id: b.id, confidential: b.confidential })}
          >
            {t('makePdf')}
          </button>
          <a href={briefingXlsxHref(b.id)} download data-testid="briefing-xlsx">
            {t('xlsx')}
          </a>
          <a href={hrefWithLang(liveHref(spec), lang)} onClick={onInAppLinkClick}>
            {t('openLive')}
          </a>
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard?.writeText(window.location.href).then(() => setCopied(true));
            }}
          >
            {copied ? t('linkCopied') : t('copyLink')}
          </button>
          <button type="button" onClick={exit}>
            {t('exit')}
          </button>
        </nav>
      </footer>
      <p className="sr-only">{t('keysHelp')}</p>
    </div>
  );
}

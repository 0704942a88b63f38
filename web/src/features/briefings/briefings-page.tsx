import { formatDate } from '@pcmt/domain/format';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiErrorNotice } from '../../components/api-error-notice';
import { PageArea } from '../../entities/auth/page-area';
import { indicatorsQuery } from '../../entities/indicators/api/get-indicators';
import { JobProgress, jobFileHref, useJob } from '../../entities/jobs/job-progress';
import { unitsQuery } from '../../entities/units/api/get-units';
import { periodLabel } from '../../lib/i18n';
import { hrefWithLang, langOf, navigate, onInAppLinkClick, useLocation } from '../../lib/navigation';
import { todayIso } from '../../lib/periods';
import { routePath } from '../../lib/routes';
import {
  briefingKeys,
  briefingsQuery,
  deleteBriefing,
  startBriefingJob,
  startBriefingPdfJob,
} from './api/briefings-api';
import { draftRequest, EMPTY_DRAFT, moveView, removeView, updateView, useDraft } from './lib/draft';
import { briefingText } from './messages';
import './briefings.css';

/**
 * Preparing a meeting: the draft collected from the map (reorder, retitle, annotate), saved with its figures
 * frozen; and the saved briefings, each opened by its link.
 */
export default function BriefingsPage() {
  const location = useLocation();
  const lang = langOf(location.search);
  const t = (k: Parameters<typeof briefingText>[1]) => briefingText(lang, k);
  const [draft, change] = useDraft();
  const queryClient = useQueryClient();
  const list = useQuery(briefingsQuery());
  // Rows name provinces and indicators as readers know them, never by code.
  const indicators = useQuery(indicatorsQuery);
  const provinces = useQuery(unitsQuery({ level: 'province', parent: null, at: todayIso() }));
  const indicatorName = (code: string) => {
    const row = indicators.data?.rows.find((r) => r.code === code);
    return row ? (lang === 'en' ? row.nameEn || row.nameVi : row.nameVi) : code;
  };
  const provinceName = (code: string) => provinces.data?.rows.find((u) => u.code === code)?.fullName ?? code;
  // Saving freezes every view's figures: a job on the server, followed by a progress bar (cancellable).
  const [saveJobId, setSaveJobId] = useState<string | null>(null);
  const saveJob = useJob(saveJobId);
  const save = useMutation({
    mutationFn: () => startBriefingJob(draftRequest(draft)),
    onSuccess: (job) => {
      queryClient.setQueryData(['job', job.id], job);
      setSaveJobId(job.id);
    },
  });
  const savedId =
    saveJob.data?.state === 'done'
      ? (saveJob.data.result as { briefingId?: string } | null)?.briefingId
      : undefined;
  useEffect(() => {
    if (!savedId) return;
    change(() => EMPTY_DRAFT);
    void queryClient.invalidateQueries({ queryKey: briefingKeys.list() });
    navigate(hrefWithLang(routePath({ page: 'presenter', briefing: savedId }), lang));
  }, [savedId, change, queryClient, lang]);
  const saving = save.isPending || saveJob.data?.state === 'running';
  // A PDF pack is rendered as a job too: one briefing at a time, with its bar beside it.
  const [pdfJob, setPdfJob] = useState<{ briefing: string; job: string } | null>(null);
  const pdf = useJob(pdfJob?.job ?? null);
  const startPdf = useMutation({
    mutationFn: (b: { id: string; confidential: boolean }) => startBriefingPdfJob(b.id, b.confidential),
    onSuccess: (job, b) => {
      queryClient.setQueryData(['job', job.id], job);
      setPdfJob({ briefing: b.id, job: job.id });
    },
  });
  const remove = useMutation({
    mutationFn: deleteBriefing,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: briefingKeys.list() }),
  });

  return (
    <main className="briefings-page" data-testid="briefings-page">
      <h2>
        {t('briefings')}
        <PageArea lang={lang} />
      </h2>
      <p className="muted">{t('intro')}</p>

      <section className="briefing-draft" aria-labelledby="draft-heading">
        <h3 id="draft-heading">{t('draft')}</h3>
        {draft.views.length === 0 ? (
          <p>
            {t('draftEmpty')}{' '}
            <a
              href={hrefWithLang(routePath({ page: 'map', province: null }), lang)}
              onClick={onInAppLinkClick}
            >
              {t('openMap')}
            </a>
          </p>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <label className="field">
              {t('briefingTitle')}
              <input
                data-testid="briefing-title"
                required
                maxLength={200}
                value={draft.title}
                onChange={(e) => change((d) => ({ ...d, title: e.target.value }))}
              />
            </label>
            <ol className="draft-views">
              {draft.views.map((v, i) => (
                <li key={i} data-testid="draft-view">
                  <div className="draft-view-head">
                    <span className="muted">
                      {v.province ? provinceName(v.province) : t('country')} · {periodLabel(v.period, lang)} ·{' '}
                      {v.indicator === 'status' ? t('status') : indicatorName(v.indicator)}
                    </span>
                    <span className="row">
                      <button
                        type="button"
                        disabled={i === 0}
                        onClick={() => change((d) => moveView(d, i, -1))}
                      >
                        ↑ {t('up')}
                      </button>
                      <button
                        type="button"
                        disabled={i === draft.views.length - 1}
                        onClick={() => change((d) => moveView(d, i, 1))}
                      >
                        ↓ {t('down')}
                      </button>
                      <button type="button" onClick={() => change((d) => removeView(d, i))}>
                        {t('remove')}
                      </button>
                    </span>
                  </div>
                  <label className="field">
                    {t('title')}
                    <input
                      required
                      maxLength={200}
                      value={v.title}
                      onChange={(e) => change((d) => updateView(d, i, { title: e.target.value }))}
                    />
                  </label>
                  <label className="field">
                    {t('note')}
                    <textarea
                      rows={2}
                      maxLength={2000}
                      value={v.note}
                      onChange={(e) => change((d) => updateView(d, i, { note: e.target.value }))}
                    />
                  </label>
                </li>
              ))}
            </ol>
            <label>
              <input
                type="checkbox"
                data-testid="briefing-confidential"
                checked={draft.confidential}
                onChange={(e) => change((d) => ({ ...d, confidential: e.target.checked }))}
              />{' '}
              {t('confidential')}
            </label>
            {save.isError && <ApiErrorNotice error={save.error} lang={lang} />}
            {saveJob.data && saveJob.data.state !== 'done' && (
              <JobProgress job={saveJob.data} lang={lang} testId="briefing-save-progress" />
            )}
            <p className="row">
              <button type="submit" className="primary" data-testid="save-briefing" disabled={saving}>
                {saving ? t('saving') : t('save')}
              </button>
              <button type="button" onClick={() => change(() => EMPTY_DRAFT)}>
                {t('clear')}
              </button>
            </p>
          </form>
        )}
      </section>

      <section aria-labelledby="saved-heading">
        <h3 id="saved-heading">{t('saved')}</h3>
        {list.isError && <ApiErrorNotice error={list.error} lang={lang} />}
        {list.data?.rows.length === 0 && <p>{t('none')}</p>}
        <ul className="briefing-list" data-testid="briefing-list">
          {list.data?.rows.map((b) => (
            <li key={b.id}>
              <a
                href={hrefWithLang(routePath({ page: 'presenter', briefing: b.id }), lang)}
                onClick={onInAppLinkClick}
              >
                {b.confidential && <strong className="mat-badge">{t('mat')}</strong>} {b.title}
              </a>{' '}
              <span className="muted">
                · {b.viewCount} {t('views')} · {t('asOf')} {formatDate(b.createdAt)} · {t('by')} {b.createdBy}
              </span>{' '}
              <button
                type="button"
                data-testid="briefing-pdf-job"
                disabled={startPdf.isPending || (pdfJob !== null && pdf.data?.state === 'running')}
                onClick={() => startPdf.mutate(b)}
              >
                {t('makePdf')}
              </button>{' '}
              <button
                type="button"
                onClick={() => {
                  if (window.confirm(t('confirmDelete'))) remove.mutate(b.id);
                }}
              >
                {t('delete')}
              </button>
              {pdfJob?.briefing === b.id && pdf.data && (
                <>
                  <JobProgress job={pdf.data} lang={lang} testId="briefing-pdf-progress" />
                  {pdf.data.state === 'done' && (
                    <a href={jobFileHref(pdf.data.id)} download data-testid="briefing-pdf-file">
                      {t('downloadPdf')}
                    </a>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
        {remove.isError && <ApiErrorNotice error={remove.error} lang={lang} />}
        {startPdf.isError && <ApiErrorNotice error={startPdf.error} lang={lang} />}
      </section>
    </main>
  );
}

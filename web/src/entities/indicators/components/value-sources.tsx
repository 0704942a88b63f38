import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { defineMessages, type Lang } from '../../../lib/i18n';
import { type ValueSourcesParams, valueSourcesQuery } from '../api/get-value-sources';
import { describeSource, estimateText, type SourceLike } from '../estimates';
import './value-notes.css';

const text = defineMessages(
  {
    open: 'Xem nguồn của số liệu này',
    close: 'Đóng',
    loading: 'Đang tải nguồn số liệu…',
    failed: 'Không tải được nguồn số liệu',
    area: 'Số liệu tổng hợp từ các xã: mở từng xã để xem nguồn',
    none: 'Chưa có thông tin nguồn cho số liệu này',
  },
  {
    open: 'Show where this figure came from',
    close: 'Close',
    loading: 'Loading the sources…',
    failed: 'Could not load the sources',
    area: 'A total over communes: open a commune to see its sources',
    none: 'No source is recorded for this figure',
  },
);

/** What the popover says about a figure's sources (GET /api/series `sources` of its period). */
export function sourceLines(
  sources: readonly SourceLike[] | undefined,
  level: string | undefined,
  lang: Lang,
): string[] {
  if (sources && sources.length > 0) return sources.map((s) => describeSource(s, lang));
  return [text(lang, level && level !== 'commune' ? 'area' : 'none')];
}

/**
 * A table cell's value that opens its provenance in place: a button around the figure; clicking it shows,
 * on the same page, where the figure came from (the import, file and rows, who and when; the report form;
 * or the demo generator), asked only then. Esc or "Đóng" closes it; the table stays where it was.
 */
export function ValueSources({
  of,
  title,
  lang,
  children,
}: {
  of: ValueSourcesParams;
  /** The unit's name and the period, the popover's heading. */
  title: string;
  lang: Lang;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const answer = useQuery({ ...valueSourcesQuery(of), enabled: open });
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  const point = answer.data?.rows.find((r) => r.period === of.period);
  return (
    <span className="value-sources-cell">
      <button
        ref={button}
        type="button"
        className="link value-button"
        aria-expanded={open}
        title={text(lang, 'open')}
        data-testid="value-source-button"
        onClick={() => setOpen((o) => !o)}
      >
        {children}
      </button>
      {open && (
        <span
          role="dialog"
          aria-label={title}
          className="value-sources-popover"
          data-testid="value-source-popover"
        >
          <strong>
            {estimateText(lang, 'sources')}: {title}
          </strong>
          {answer.isError ? (
            <span className="muted">{text(lang, 'failed')}</span>
          ) : answer.data ? (
            <ul>
              {sourceLines(point?.sources, answer.data.meta.level, lang).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <span className="muted">{text(lang, 'loading')}</span>
          )}
          <button type="button" onClick={() => setOpen(false)}>
            {text(lang, 'close')}
          </button>
        </span>
      )}
    </span>
  );
}

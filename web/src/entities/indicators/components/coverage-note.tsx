import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatCoverage, formatNumber } from '../../../lib/format';
import { defineMessages, type Lang } from '../../../lib/i18n';
import { type MissingUnitsParams, missingUnitsQuery } from '../api/get-missing-units';
import './value-notes.css';

const text = defineMessages(
  {
    missing: 'Chưa báo cáo',
    others: 'và {n} xã khác',
    loading: 'Đang tải danh sách xã chưa báo cáo…',
    failed: 'Không tải được danh sách xã chưa báo cáo',
    title: 'Bấm để xem các xã chưa báo cáo',
  },
  {
    missing: 'Not reported',
    others: 'and {n} more communes',
    loading: 'Loading the communes that did not report…',
    failed: 'Could not load the communes that did not report',
    title: 'Click to see the communes that did not report',
  },
);

/** How many names the note spells out before "và 12 xã khác". */
export const NAMES_SHOWN = 10;

/**
 * "Chưa báo cáo: Xã A, Phường B, … và 12 xã khác": the communes an area total lacks, the first `NAMES_SHOWN`
 * by name and how many more (`count` is all of them, of which `names` are the first listed).
 */
export function missingUnitsText(names: readonly string[], count: number, lang: Lang): string {
  const shown = names.slice(0, Math.min(NAMES_SHOWN, count));
  const more = count - shown.length;
  const list = shown.join(', ');
  const rest = more > 0 ? text(lang, 'others').replace('{n}', formatNumber(more, lang, 0)) : '';
  return `${text(lang, 'missing')}: ${[list, rest].filter(Boolean).join(more > 0 && list ? ', … ' : ' ')}`;
}

/**
 * The coverage of an area's total, "Tổng của 12/15 xã đã báo cáo" (one formatter), which opens in place
 * into the list of the communes that did not report (GET /api/values/missing, asked only when opened).
 * Without `missing` (what to ask for) it is the plain note.
 */
export function CoverageNote({
  reported,
  expected,
  missing,
  lang,
}: {
  reported: number;
  expected: number;
  missing: MissingUnitsParams | null;
  lang: Lang;
}) {
  const note = formatCoverage(reported, expected, lang);
  if (!missing || reported >= expected) {
    return (
      <small className="coverage" data-testid="coverage">
        {' '}
        {note}
      </small>
    );
  }
  return <MissingUnitsDetails note={note} missing={missing} lang={lang} />;
}

function MissingUnitsDetails({
  note,
  missing,
  lang,
}: {
  note: string;
  missing: MissingUnitsParams;
  lang: Lang;
}) {
  const [open, setOpen] = useState(false);
  const list = useQuery({ ...missingUnitsQuery(missing), enabled: open });
  return (
    <details
      className="coverage"
      data-testid="coverage"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary title={text(lang, 'title')}>{note}</summary>
      {open && (
        <p className="missing-units" data-testid="missing-units">
          {list.isError
            ? text(lang, 'failed')
            : list.data
              ? missingUnitsText(
                  list.data.units.map((u) => u.name),
                  list.data.count,
                  lang,
                )
              : text(lang, 'loading')}
        </p>
      )}
    </details>
  );
}

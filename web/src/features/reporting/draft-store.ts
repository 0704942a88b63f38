import type { DraftReport } from './reporting-api';

/**
 * A report being typed is kept in the browser (localStorage) at every keystroke, with whether it still has
 * to be sent: a lost connection, a closed tab or a flat battery loses nothing, and a report saved or
 * submitted while offline is sent when the connection is back.
 */
export interface StoredDraft {
  report: DraftReport;
  /** Waiting to reach the server (saved or submitted while offline). */
  pending: boolean;
  savedAt: string;
}

const PREFIX = 'pcmt-bao-cao:';
const keyOf = (form: string, commune: string, period: string) => `${PREFIX}${form}|${commune}|${period}`;

export function readDraft(form: string, commune: string, period: string): StoredDraft | null {
  try {
    const raw = localStorage.getItem(keyOf(form, commune, period));
    return raw ? (JSON.parse(raw) as StoredDraft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(report: DraftReport, pending: boolean): void {
  const stored: StoredDraft = { report, pending, savedAt: new Date().toISOString() };
  try {
    localStorage.setItem(keyOf(report.form, report.commune, report.period), JSON.stringify(stored));
  } catch {
    // A full or disabled storage: the page still works online.
  }
}

export function clearDraft(form: string, commune: string, period: string): void {
  try {
    localStorage.removeItem(keyOf(form, commune, period));
  } catch {
    // Nothing stored.
  }
}

/** Every draft still waiting to be sent (any form, commune or period). */
export function pendingDrafts(): StoredDraft[] {
  const out: StoredDraft[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const d = JSON.parse(localStorage.getItem(key) ?? 'null') as StoredDraft | null;
      if (d?.pending) out.push(d);
    }
  } catch {
    // Storage unreadable: nothing pending.
  }
  return out;
}

/**
 * Versions of the administrative units as the server publishes them (GET /api/unit-versions), and what the
 * screens derive from them: which boundary tiles to draw for a date, whether a period was reported on
 * older units, whether districts exist, where a reorganisation falls in a series, and the compare presets.
 * No reorganisation date is written anywhere else: a decree imported tomorrow shows up through this list.
 */
export type UnitLevel = 'province' | 'district' | 'commune';

export interface UnitVersion {
  level: UnitLevel;
  /** First day the set of units is in force. */
  validFrom: string;
  /** First day of the next version; null: in force today. */
  validTo: string | null;
  units: number;
  decree: string | null;
  decreeDate: string | null;
  title: string | null;
}

/** The version of a level in force on a date, or undefined before the first one. */
export function versionOn(
  versions: readonly UnitVersion[],
  level: UnitLevel,
  date: string,
): UnitVersion | undefined {
  return versions.find(
    (v) => v.level === level && v.validFrom <= date && (v.validTo === null || date < v.validTo),
  );
}

/**
 * The date boundary tiles are requested for: the first day of the commune version in force on `at`. Every
 * date inside one version gives the same tiles, so one URL per version lets the browser reuse them.
 */
export function tileDateFor(versions: readonly UnitVersion[], at: string): string {
  return versionOn(versions, 'commune', at)?.validFrom ?? at;
}

/** Whether districts exist on a date (they were abolished on the 2025 reorganisation, per the versions). */
export function hasDistricts(versions: readonly UnitVersion[], date: string): boolean {
  return versionOn(versions, 'district', date) !== undefined;
}

/**
 * A reorganisation: the day a new commune version starts after an earlier one, with its decree. The first
 * version is not one (nothing was reorganised into it as far as the data knows).
 */
export interface Reorganisation {
  date: string;
  decree: string | null;
  decreeDate: string | null;
  title: string | null;
}

export function reorganisations(versions: readonly UnitVersion[]): Reorganisation[] {
  const communes = versions
    .filter((v) => v.level === 'commune')
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return communes
    .slice(1)
    .map((v) => ({ date: v.validFrom, decree: v.decree, decreeDate: v.decreeDate, title: v.title }));
}

/**
 * True when a period [start, end] was reported on units older than those in force on `today`: some
 * reorganisation falls after the period's end and on or before today.
 */
export function reportedOnOlderUnits(
  versions: readonly UnitVersion[],
  periodEndDate: string,
  today: string,
): boolean {
  return reorganisations(versions).some((r) => r.date > periodEndDate && r.date <= today);
}

/** Quarter id (`2025-Q3`) containing a date. */
export function quarterOf(date: string): string {
  const [y, m] = date.split('-');
  return `${y}-Q${Math.floor((Number(m) - 1) / 3) + 1}`;
}

/** The quarter before a quarter id. */
export function previousQuarter(id: string): string {
  const [y, q] = id.split('-Q');
  const n = Number(q);
  return n > 1 ? `${y}-Q${n - 1}` : `${Number(y) - 1}-Q4`;
}

/**
 * Compare presets "before / after" each reorganisation: the last quarter fully on the old units and the
 * first quarter that starts on or after the change (a change mid-quarter leaves that quarter on both sides,
 * so it is skipped), newest first.
 */
export function reorganisationPairs(
  versions: readonly UnitVersion[],
): (Reorganisation & { left: string; right: string })[] {
  return reorganisations(versions)
    .map((r) => {
      const q = quarterOf(r.date);
      const startsQuarter = /-(01|04|07|10)-01$/.test(r.date);
      const right = startsQuarter ? q : nextQuarter(q);
      return { ...r, left: previousQuarter(q), right };
    })
    .reverse();
}

function nextQuarter(id: string): string {
  const [y, q] = id.split('-Q');
  const n = Number(q);
  return n < 4 ? `${y}-Q${n + 1}` : `${Number(y) + 1}-Q1`;
}

/** The period id, of the kind given, in which a reorganisation first shows (for a marker on a series). */
export function reorganisationPeriod(date: string, kind: 'year' | 'half' | 'quarter'): string {
  const [y, m] = date.split('-');
  const month = Number(m);
  if (kind === 'year') return String(y);
  if (kind === 'half') return `${y}-H${month <= 6 ? 1 : 2}`;
  return quarterOf(date);
}

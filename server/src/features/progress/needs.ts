import type { TargetDefinition } from '@pcmt/domain/contracts/plans';
import { yearEnd, yearOf, yearStart } from '@pcmt/domain/periods';
import { formulaCodes, formulaTree } from '../indicators/formula';
import type { IndicatorRef, QuarterRef } from './inputs';
import { TREND_POINTS } from './projection';
import type { TargetSpec } from './target-progress';

/**
 * What the computation of some targets will read, so the repository fetches exactly that: the stored
 * indicators (a rate's numerator and denominator), the quarters, the status snapshot dates, whether the
 * hotspot register is needed, and which keep_status sets to resolve.
 */
export interface InputNeeds {
  storedIndicators: string[];
  quarterIds: string[];
  statusDates: string[];
  /** Conversions follow each commune between two dates; other kinds only need weighted counts per status. */
  perCommuneStatuses: boolean;
  /** Named sets of communes followed one by one (keep_status sets and named_units lists), by target code. */
  keepTargets: Array<{ code: string; definition: Extract<TargetDefinition, { kind: 'keep_status' }> }>;
  hotspots: boolean;
}

export function inputNeeds(
  targets: readonly TargetSpec[],
  planStart: string,
  asOf: string,
  quarters: readonly QuarterRef[],
  indicators: ReadonlyMap<string, IndicatorRef>,
  /**
   * 'latest': only what today's status needs (baseline, the last TREND_POINTS observations): the same
   * statuses and projections as 'series', for scorecards and rankings where nobody sees the whole series.
   */
  detail: 'series' | 'latest' = 'series',
): InputNeeds {
  const stored = new Set<string>();
  const quarterIds = new Set<string>();
  const dates = new Set<string>();
  const keepTargets: InputNeeds['keepTargets'] = [];
  let hotspots = false;
  const reported = quarters.filter((q) => q.endDate <= asOf);
  /** The last quarter ending on or before `date`: a level's value on that day. */
  const addBefore = (date: string) => {
    const previous = reported.filter((q) => q.endDate <= date).at(-1);
    if (previous) quarterIds.add(previous.id);
  };
  /** Quarters overlapping [from, to], and the one just before `from` when `withPrevious` (a baseline). */
  const addQuarters = (from: string, to: string, withPrevious = false) => {
    if (withPrevious) addBefore(from);
    for (const q of reported) if (q.endDate >= from && q.startDate <= to) quarterIds.add(q.id);
  };

  /** The last `n` reported quarters ending on or before the deadline. */
  const addLatest = (deadline: string, n: number) => {
    for (const q of reported.filter((q) => q.endDate <= deadline).slice(-n)) quarterIds.add(q.id);
  };

  /** The stored indicators behind an indicator (a rate's numerator and denominator), and whether any is a flow. */
  const addIndicator = (code: string): boolean => {
    const indicator = indicators.get(code);
    if (!indicator) return false;
    if (indicator.formula) {
      // Every input is read (no short circuit): a formula needs all of them.
      return formulaCodes(formulaTree(indicator.formula))
        .map((input) => (input === code ? false : addIndicator(input)))
        .some(Boolean);
    }
    stored.add(code);
    return indicator.timeAggregation !== 'last';
  };
  /** Year ends from `fromYear` to the deadline's year, the deadline and today's date when they are earlier. */
  const addSnapshots = (fromYear: number, deadline: string) => {
    for (let y = fromYear; y <= yearOf(deadline); y++) if (yearEnd(y) <= asOf) dates.add(yearEnd(y));
    if (deadline <= asOf) dates.add(deadline);
    else dates.add(asOf);
  };

  for (const { definition: def, deadline, code } of targets) {
    // A count allocated in proportion to an indicator: the children's weights over the baseline period.
    if ((def.kind === 'count' || def.kind === 'cumulative') && def.allocation?.type === 'proportional') {
      const { indicator, period } = def.allocation;
      addIndicator(indicator);
      if (/^\d{4}$/.test(period)) addQuarters(yearStart(yearOf(period)), yearEnd(yearOf(period)));
      else for (const q of reported) if (q.id === period) quarterIds.add(q.id);
    }
    switch (def.kind) {
      case 'share':
      case 'cumulative':
        addIndicator(def.indicator);
        // The level on the plan's start (the quarter before it) is the baseline.
        if (detail === 'series') addQuarters(planStart, deadline, true);
        else {
          addBefore(planStart);
          addLatest(deadline, TREND_POINTS);
        }
        break;
      case 'count':
        addIndicator(def.indicator);
        addQuarters(def.window.from, deadline);
        break;
      case 'reduction': {
        const firstYear = yearOf(def.baseline.from);
        if (def.measure.type === 'indicator') {
          const flow = addIndicator(def.measure.indicator);
          // A stock's year is its last quarter; a flow's year (and its trailing twelve months) all four.
          for (let y = firstYear; y <= yearOf(def.baseline.to); y++)
            if (flow) addQuarters(yearStart(y), yearEnd(y));
            else addBefore(yearEnd(y));
          // Each observation of a flow is a trailing year: the last points need three more quarters.
          if (detail === 'series') addQuarters(yearStart(yearOf(def.baseline.to) + 1), deadline);
          else addLatest(deadline, TREND_POINTS + (flow ? 3 : 0));
        } else addSnapshots(firstYear, deadline);
        break;
      }
      case 'status_share':
        addSnapshots(yearOf(planStart) - 1, deadline);
        break;
      case 'status_conversion': {
        const from = def.window.from;
        addSnapshots(yearOf(from), deadline);
        dates.add(from);
        // Each year's window opens on 1 January.
        if (def.window.eachYear)
          for (let y = yearOf(from) + 1; y <= yearOf(deadline); y++) dates.add(yearStart(y));
        break;
      }
      case 'keep_status': {
        const setDate = def.units.type === 'codes' ? def.units.validOn : def.units.date;
        dates.add(setDate);
        addSnapshots(yearOf(setDate), deadline);
        keepTargets.push({ code, definition: def });
        break;
      }
      case 'hotspot_elimination':
        hotspots = true;
        break;
      case 'at_most': {
        const from = def.window.from;
        if (def.measure.type === 'new_hotspots') hotspots = true;
        else if (def.measure.type === 'status_count') {
          addSnapshots(yearOf(from), deadline);
          dates.add(from);
        } else {
          addIndicator(def.measure.indicator);
          addQuarters(from, deadline);
        }
        break;
      }
      case 'unit_status':
        addSnapshots(yearOf(planStart), deadline);
        dates.add(planStart);
        break;
      case 'named_units': {
        dates.add(def.validOn);
        addSnapshots(yearOf(def.validOn), deadline);
        // Read as a keep set of listed codes: each listed commune's status on every snapshot.
        keepTargets.push({
          code,
          definition: {
            kind: 'keep_status',
            units: { type: 'codes', codes: def.codes, validOn: def.validOn },
            statuses: def.statuses,
            eachChild: def.eachChild,
          },
        });
        break;
      }
      case 'roadmap': {
        const first = Math.min(...def.milestones.map((m) => m.year));
        if (def.measure.type === 'indicator') {
          addIndicator(def.measure.indicator);
          addQuarters(yearStart(first), deadline);
        } else addSnapshots(first - 1, deadline);
        break;
      }
      case 'yearly_change':
        // Each year against the one before: every quarter from the year before the first one.
        if (def.measure.type === 'indicator') {
          addIndicator(def.measure.indicator);
          addQuarters(yearStart(def.fromYear - 1), deadline);
        } else addSnapshots(def.fromYear - 1, deadline);
        break;
    }
  }
  return {
    storedIndicators: [...stored].sort(),
    quarterIds: reported.filter((q) => quarterIds.has(q.id)).map((q) => q.id),
    statusDates: [...dates].filter((d) => d <= asOf).sort(),
    perCommuneStatuses: targets.some((t) => t.definition.kind === 'status_conversion'),
    keepTargets,
    hotspots,
  };
}

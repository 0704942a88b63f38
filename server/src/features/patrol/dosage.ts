import { seededInts } from '../spatial-stats/seeded-random';
import { distanceM, type LonLat } from './geo';

/**
 * The dosage plan of hot-spot policing (Koper 1995: stops of about 10–16 minutes deter longest, at
 * unpredictable times): short visits at seeded-random times over a shift, the top places at least every
 * 2 hours, every other place at least once.
 */
export const VISIT_MINUTES = { min: 10, max: 16 } as const;
export const TOP_PLACE_MAX_GAP_MINUTES = 120;

export interface DosageStop {
  code: string;
  position: LonLat;
  /** Top places are revisited at least every 2 hours. */
  top: boolean;
}

export interface DosageOptions {
  /** Minutes from midnight of the shift's first day (e.g. 20:00 → 1200); the shift may run past midnight. */
  shiftStartMin: number;
  shiftEndMin: number;
  seed: number;
  /** Straight-line travel speed between places, km/h (default 20: streets, not straight lines). */
  travelKmh?: number;
}

export interface Visit {
  code: string;
  /** Minutes from midnight of the shift's first day. */
  startMin: number;
  minutes: number;
}

export interface DosagePlan {
  visits: Visit[];
  /** Places whose requirement could not be met in the shift (too many places for one team). */
  warnings: string[];
}

/**
 * Simulates one team through the shift, choosing each next visit so that no top place waits more than
 * 2 hours (earliest deadline first): the next not-yet-visited place in route order is taken only when,
 * after it, every top place can still be reached before its deadline (or when the deadlines are already
 * lost, so every place is still seen once); otherwise the most urgent top place.
 * When every place has been seen, the team goes round the top places. Unpredictability comes from the
 * seeded-random visit lengths (10–16 minutes) and random waits wherever the deadlines leave slack.
 * Whatever cannot be met is reported in `warnings`, never hidden.
 */
export function planDosage(stops: readonly DosageStop[], o: DosageOptions): DosagePlan {
  const next = seededInts(o.seed);
  const uniform = (lo: number, hi: number) => (hi <= lo ? lo : lo + next(hi - lo + 1));
  const speedMPerMin = ((o.travelKmh ?? 20) * 1000) / 60;
  if (!(o.shiftEndMin - o.shiftStartMin > VISIT_MINUTES.max))
    throw new RangeError('the shift must be longer than one visit');
  const travel = (a: DosageStop | null, b: DosageStop) =>
    a ? Math.ceil(distanceM(a.position, b.position) / speedMPerMin) : 0;

  const tops = stops.filter((s) => s.top);
  const others = stops.filter((s) => !s.top);
  const deadline = new Map(tops.map((s) => [s.code, o.shiftStartMin + TOP_PLACE_MAX_GAP_MINUTES]));
  const due = (s: DosageStop) => deadline.get(s.code) ?? Number.POSITIVE_INFINITY;
  const visits: Visit[] = [];
  let t = o.shiftStartMin;
  let here: DosageStop | null = null;
  let otherIndex = 0;

  // Earliest deadline first, in the same order the slack check assumes, so the check holds for the plan.
  // On equal deadlines a top place not yet seen goes first: each place must be visited at least once.
  const seen = new Set<string>();
  const byDeadline = () =>
    [...tops].sort(
      (a, b) =>
        due(a) - due(b) ||
        Number(seen.has(a.code)) - Number(seen.has(b.code)) ||
        a.code.localeCompare(b.code),
    );

  /**
   * Minutes to spare if the team next goes to `via`, stays the longest, then runs through the other top
   * places in deadline order (each also at the longest): negative means some top place would be late.
   */
  const slackAfter = (via: DosageStop): number => {
    let clock = t + travel(here, via) + VISIT_MINUTES.max;
    let at = via;
    let slack = Number.POSITIVE_INFINITY;
    for (const top of byDeadline()) {
      if (top === via) continue;
      const arrive = clock + travel(at, top);
      slack = Math.min(slack, due(top) - arrive);
      clock = arrive + VISIT_MINUTES.max;
      at = top;
    }
    return slack;
  };
  const mostUrgentTop = (): DosageStop | undefined => byDeadline()[0];

  for (let guard = 0; guard < 10_000 && t < o.shiftEndMin; guard++) {
    const candidate = others[otherIndex];
    const urgent = mostUrgentTop();
    // When even going straight to the most urgent top place is too late (places too far apart for one
    // team), the 2-hour rule is lost anyway: then seeing every place once comes first.
    const topsStillOnTime = !urgent || slackAfter(urgent) >= 0;
    let target: DosageStop | undefined;
    if (candidate && (slackAfter(candidate) >= 0 || !topsStillOnTime)) {
      target = candidate;
      otherIndex++;
    } else {
      target = urgent ?? candidate;
      if (target === candidate) otherIndex++;
    }
    if (!target) break;
    const arrive = t + travel(here, target);
    // Wait a random while where the deadlines allow it, so the times cannot be guessed.
    const room = Math.min(slackAfter(target), target.top ? due(target) - arrive : Number.POSITIVE_INFINITY);
    const start = arrive + uniform(0, Math.max(0, Math.min(30, Math.floor(room))));
    // The last visit of the shift may be cut to end with it, never below the 10 minutes that deter.
    const minutes = Math.min(uniform(VISIT_MINUTES.min, VISIT_MINUTES.max), o.shiftEndMin - start);
    if (minutes < VISIT_MINUTES.min) break;
    visits.push({ code: target.code, startMin: start, minutes });
    seen.add(target.code);
    if (target.top) deadline.set(target.code, start + TOP_PLACE_MAX_GAP_MINUTES);
    t = start + minutes;
    here = target;
    if (tops.length === 0 && otherIndex >= others.length) break;
  }
  return { visits, warnings: checkDosage(stops, visits, o) };
}

/** What the plan fails to do: a top place left more than 2 hours, or a place never visited. */
export function checkDosage(
  stops: readonly DosageStop[],
  visits: readonly Visit[],
  o: DosageOptions,
): string[] {
  const warnings: string[] = [];
  for (const stop of stops) {
    const times = visits.filter((v) => v.code === stop.code).map((v) => v.startMin);
    if (times.length === 0) {
      warnings.push(`${stop.code}: no visit fits in the shift`);
      continue;
    }
    if (!stop.top) continue;
    // The last moment a full visit can still start counts as the end: nobody can be sent after it.
    const marks = [o.shiftStartMin, ...times, Math.max(o.shiftStartMin, o.shiftEndMin - VISIT_MINUTES.min)];
    for (let k = 1; k < marks.length; k++) {
      if ((marks[k] ?? 0) - (marks[k - 1] ?? 0) > TOP_PLACE_MAX_GAP_MINUTES) {
        warnings.push(`${stop.code}: more than 2 hours without a visit`);
        break;
      }
    }
  }
  return warnings;
}

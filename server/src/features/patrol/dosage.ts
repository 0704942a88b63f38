import { messageText, msg } from '../../lib/messages';
import { seededInts } from '../../lib/seeded-random';
import { distanceM, type LonLat } from './geo';

/**
 * The dosage plan of hot-spot policing (Koper 1995: stops of about 10–16 minutes deter longest, at
 * unpredictable times): short visits at seeded-random times over a shift, the top places at least every
 * 2 hours, every other place at least once.
 */
export const VISIT_MINUTES = { min: 10, max: 16 } as const;
export const TOP_PLACE_MAX_GAP_MINUTES = 120;
/** Longest random wait before a visit, in minutes: on the first pass along the route, and on the rounds. */
const FIRST_PASS_MAX_WAIT = 10;
const ROUND_MAX_WAIT = 30;

export interface DosageStop {
  code: string;
  /** The place's name, which warnings give before its code. */
  name?: string;
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
  /** 1 for the first visit of the place, 2 for the next one, … */
  nth: number;
}

export interface DosagePlan {
  visits: Visit[];
  /** Places whose requirement could not be met in the shift (too many places for one team). */
  warnings: string[];
}

/**
 * Simulates one team through the shift along the route (`stops` in route order), so the sheet reads as it
 * is driven: the first visits follow the route order (stop k+1 is first visited after stop k), and a top
 * place already seen is visited again in between only when waiting for the next stop of the route would
 * leave it more than 2 hours alone (earliest deadline first among the places already seen). When every
 * place has been seen, the team goes round the top places, again in route order, until the shift ends.
 * Unpredictability comes from the seeded-random visit lengths (10–16 minutes) and random waits wherever the
 * deadlines leave slack. Whatever cannot be met is reported in `warnings`, never hidden.
 */
export function planDosage(stops: readonly DosageStop[], o: DosageOptions): DosagePlan {
  const next = seededInts(o.seed);
  const uniform = (lo: number, hi: number) => (hi <= lo ? lo : lo + next(hi - lo + 1));
  const speedMPerMin = ((o.travelKmh ?? 20) * 1000) / 60;
  if (!(o.shiftEndMin - o.shiftStartMin > VISIT_MINUTES.max))
    throw new RangeError('the shift must be longer than one visit');
  const travel = (a: DosageStop | null, b: DosageStop) =>
    a ? Math.ceil(distanceM(a.position, b.position) / speedMPerMin) : 0;

  const routeIndex = new Map(stops.map((s, i) => [s.code, i]));
  const tops = stops.filter((s) => s.top);
  const deadline = new Map(tops.map((s) => [s.code, o.shiftStartMin + TOP_PLACE_MAX_GAP_MINUTES]));
  const due = (s: DosageStop) => deadline.get(s.code) ?? Number.POSITIVE_INFINITY;
  const count = new Map<string, number>();
  const visits: Visit[] = [];
  let t = o.shiftStartMin;
  let here: DosageStop | null = null;
  /** The next stop of the route not visited yet. */
  let nextNew = 0;
  /** Revisits since the last new stop: once every seen top place had one, the route goes on regardless. */
  let revisitsInARow = 0;
  let lastTop: DosageStop | null = null;
  let inRounds = false;

  const seenTopsByDeadline = () =>
    tops
      .filter((s) => count.has(s.code))
      .sort((a, b) => due(a) - due(b) || (routeIndex.get(a.code) ?? 0) - (routeIndex.get(b.code) ?? 0));

  /**
   * Minutes to spare if the team next goes to `via` and stays the longest, then runs through the top places
   * already seen in deadline order (each also at the longest): negative means one of them would be late.
   */
  const slackSeen = (via: DosageStop): number => {
    let clock = t + travel(here, via) + VISIT_MINUTES.max;
    let at = via;
    let slack = Number.POSITIVE_INFINITY;
    for (const top of seenTopsByDeadline()) {
      if (top === via) continue;
      const arrive = clock + travel(at, top);
      slack = Math.min(slack, due(top) - arrive);
      clock = arrive + VISIT_MINUTES.max;
      at = top;
    }
    return slack;
  };
  /** Whether some top place already seen could not be reached on time straight after a visit to `via`. */
  const lateAfter = (via: DosageStop): boolean => {
    const leave = t + travel(here, via) + VISIT_MINUTES.max;
    return seenTopsByDeadline().some((top) => top !== via && leave + travel(via, top) > due(top));
  };
  /**
   * Minutes to spare for the top places not seen yet, if after `via` the team went straight along the route
   * at the shortest visits (an optimistic estimate: it only keeps random waits from making them late).
   */
  const slackUnseen = (via: DosageStop, from: number): number => {
    let clock = t + travel(here, via) + VISIT_MINUTES.max;
    let at = via;
    let slack = Number.POSITIVE_INFINITY;
    for (let k = from; k < stops.length; k++) {
      const s = stops[k];
      if (!s || s === via) continue;
      const arrive = clock + travel(at, s);
      if (s.top) slack = Math.min(slack, due(s) - arrive);
      clock = arrive + VISIT_MINUTES.min;
      at = s;
    }
    return slack;
  };

  for (let guard = 0; guard < 10_000 && t < o.shiftEndMin; guard++) {
    const candidate = stops[nextNew];
    let target: DosageStop | undefined;
    if (candidate) {
      // A seen top place goes first only when the next stop would make it late and it is still on time.
      // Places too far apart for one team would otherwise keep it going round the seen ones for ever.
      const seenTops = seenTopsByDeadline();
      const urgent = seenTops[0];
      const revisit: boolean =
        urgent !== undefined &&
        revisitsInARow < seenTops.length &&
        lateAfter(candidate) &&
        t + travel(here, urgent) <= due(urgent);
      target = revisit ? urgent : candidate;
      if (revisit) revisitsInARow++;
      else {
        nextNew++;
        revisitsInARow = 0;
      }
    } else {
      if (tops.length === 0) break;
      // Every place seen: round the top places in route order, starting with the most urgent one.
      const at: number = lastTop ? (routeIndex.get(lastTop.code) ?? -1) : -1;
      target = inRounds
        ? (tops.find((s) => (routeIndex.get(s.code) ?? 0) > at) ?? tops[0])
        : seenTopsByDeadline()[0];
      inRounds = true;
    }
    if (!target) break;
    const arrive = t + travel(here, target);
    // Wait a random while where the deadlines allow it, so the times cannot be guessed.
    const room = Math.min(
      slackSeen(target),
      slackUnseen(target, nextNew),
      target.top ? due(target) - arrive : Number.POSITIVE_INFINITY,
    );
    // Short waits while places are still unseen (the shift must reach them all), longer on the rounds.
    const maxWait = nextNew < stops.length ? FIRST_PASS_MAX_WAIT : ROUND_MAX_WAIT;
    const start = arrive + uniform(0, Math.max(0, Math.min(maxWait, Math.floor(room))));
    // The last visit of the shift may be cut to end with it, never below the 10 minutes that deter.
    const minutes = Math.min(uniform(VISIT_MINUTES.min, VISIT_MINUTES.max), o.shiftEndMin - start);
    if (minutes < VISIT_MINUTES.min) break;
    const nth = (count.get(target.code) ?? 0) + 1;
    count.set(target.code, nth);
    visits.push({ code: target.code, startMin: start, minutes, nth });
    if (target.top) deadline.set(target.code, start + TOP_PLACE_MAX_GAP_MINUTES);
    t = start + minutes;
    here = target;
    if (target.top) lastTop = target;
  }
  return { visits, warnings: checkDosage(stops, visits, o) };
}

/** What the plan fails to do: a top place left more than 2 hours, or a place never visited. */
export function checkDosage(
  stops: readonly DosageStop[],
  visits: readonly Omit<Visit, 'nth'>[],
  o: DosageOptions,
): string[] {
  const warnings: string[] = [];
  for (const stop of stops) {
    const times = visits.filter((v) => v.code === stop.code).map((v) => v.startMin);
    if (times.length === 0) {
      warnings.push(messageText(msg('patrol.no_visit_fits', { place: placeName(stop) })));
      continue;
    }
    if (!stop.top) continue;
    // The last moment a full visit can still start counts as the end: nobody can be sent after it.
    const marks = [o.shiftStartMin, ...times, Math.max(o.shiftStartMin, o.shiftEndMin - VISIT_MINUTES.min)];
    for (let k = 1; k < marks.length; k++) {
      if ((marks[k] ?? 0) - (marks[k - 1] ?? 0) > TOP_PLACE_MAX_GAP_MINUTES) {
        warnings.push(messageText(msg('patrol.gap_over_2h', { place: placeName(stop) })));
        break;
      }
    }
  }
  return warnings;
}

/** A place as warnings name it: its name and code, or its code alone. */
const placeName = (stop: DosageStop) => (stop.name ? `${stop.name} (${stop.code})` : stop.code);

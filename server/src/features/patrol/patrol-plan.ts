import type { MultiPolygon } from 'geojson';
import { planDosage } from './dosage';
import type { LonLat } from './geo';
import { planRoute } from './route';
import { patrolZones } from './zones';

/** A chosen hotspot as the planner receives it, in the order the user chose. */
export interface PatrolPlace {
  code: string;
  kind: 'diem' | 'tu_diem';
  communeCode: string;
  communeName: string;
  /**
   * What the place is, as the register describes it ("quán karaoke, ngõ 12 …"): the first clause of the
   * register's notes, so the team knows where to stop without reading codes. Empty when the notes are.
   */
  description: string;
  position: LonLat;
  /** Recent-activity score: the `topCount` highest are revisited every 2 hours. */
  activity: number;
}

export interface PatrolPlanInput {
  name: string;
  /** Day the shift starts (YYYY-MM-DD, Vietnam time). */
  date: string;
  /** HH:mm; an end not after the start means the shift runs past midnight. */
  shiftStart: string;
  shiftEnd: string;
  radiusM: number;
  topCount: number;
  seed: number;
  places: PatrolPlace[];
}

export interface PatrolStop extends PatrolPlace {
  /** 1-based position on the route. */
  order: number;
  top: boolean;
}

export interface PatrolVisit {
  code: string;
  order: number;
  /** Local date-time YYYY-MM-DDTHH:mm (UTC+7). */
  start: string;
  minutes: number;
  /** 1 = the first visit of the place (these follow the route order), 2 = the next one, … */
  nth: number;
}

export interface PatrolPlan extends Omit<PatrolPlanInput, 'places'> {
  stops: PatrolStop[];
  routeLengthM: number;
  inputLengthM: number;
  zones: MultiPolygon;
  visits: PatrolVisit[];
  warnings: string[];
}

const minutesOf = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** Local date-time of `minutes` after midnight of `date` (may roll into the next day). */
export function localDateTime(date: string, minutes: number): string {
  const t = new Date(Date.parse(`${date}T00:00:00Z`) + minutes * 60_000);
  return t.toISOString().slice(0, 16);
}

/** A plan as saved by an earlier version (no place descriptions, no visit numbers) in today's shape. */
export function upgradeSavedPlan(plan: PatrolPlan): PatrolPlan {
  const seen = new Map<string, number>();
  return {
    ...plan,
    stops: plan.stops.map((s) => ({ ...s, description: s.description ?? '' })),
    visits: [...plan.visits]
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((v) => {
        const nth = v.nth ?? (seen.get(v.code) ?? 0) + 1;
        seen.set(v.code, nth);
        return { ...v, nth };
      }),
  };
}

/** The place as a register note names it: its first clause, at most 80 characters. */
export function placeDescription(notes: string): string {
  const first =
    notes
      .split(/[.;\n]/)[0]
      ?.split(', ')[0]
      ?.trim() ?? '';
  return first.length > 80 ? `${first.slice(0, 79)}…` : first;
}

/** Zones, route and dosage for the chosen places: visit times follow the route (stops in route order). */
export function buildPatrolPlan(input: PatrolPlanInput): PatrolPlan {
  const { places, ...rest } = input;
  const route = planRoute(places.map((p) => p.position));
  const topCodes = new Set(
    [...places]
      .sort((a, b) => b.activity - a.activity || a.code.localeCompare(b.code))
      .slice(0, input.topCount)
      .map((p) => p.code),
  );
  const stops: PatrolStop[] = route.order.flatMap((index, k) => {
    const p = places[index];
    return p ? [{ ...p, order: k + 1, top: topCodes.has(p.code) }] : [];
  });
  const startMin = minutesOf(input.shiftStart);
  let endMin = minutesOf(input.shiftEnd);
  if (endMin <= startMin) endMin += 24 * 60;
  const dosage = planDosage(
    stops.map((s) => ({ code: s.code, name: s.description, position: s.position, top: s.top })),
    { shiftStartMin: startMin, shiftEndMin: endMin, seed: input.seed },
  );
  const orderOf = new Map(stops.map((s) => [s.code, s.order]));
  return {
    ...rest,
    stops,
    routeLengthM: Math.round(route.lengthM),
    inputLengthM: Math.round(route.inputLengthM),
    zones: patrolZones(
      stops.map((s) => s.position),
      input.radiusM,
    ),
    visits: dosage.visits.map((v) => ({
      code: v.code,
      order: orderOf.get(v.code) ?? 0,
      start: localDateTime(input.date, v.startMin),
      minutes: v.minutes,
      nth: v.nth,
    })),
    warnings: dosage.warnings,
  };
}

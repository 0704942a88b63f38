import { STATUS_INDICATOR } from '../../lib/url-state';

/** What a colouring was computed from: the server's answer (meta) and the classing chosen for it. */
export interface ClassesKeyParts {
  indicator: string;
  period: string;
  parent: string | null;
  at: string;
  method: string;
  classes: number;
  /** Communes that should be coloured (a province's), 0 for the whole country. */
  inView: number;
}

/**
 * The name of one colouring, which the map announces through `onRendered` once it has drawn it (and mirrors
 * on its container as `data-rendered` for browser tests).
 * Waiting code (time-lapse, tests) reads it back: `indicator|period|parent|at|classing|inView`.
 */
export function classesKeyOf(p: ClassesKeyParts): string {
  const isStatus = p.indicator === STATUS_INDICATOR;
  return [
    isStatus ? STATUS_INDICATOR : p.indicator,
    p.period,
    p.parent ?? 'all',
    p.at,
    isStatus ? '' : `${p.method}${p.classes}`,
    p.inView,
  ].join('|');
}

/** The period a drawn colouring shows, or null for an empty or foreign key. */
export function periodOfClassesKey(key: string | null | undefined): string | null {
  const period = key?.split('|')[1];
  return period ? period : null;
}

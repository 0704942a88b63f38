import type { ViewState } from '../../../lib/url-state';
import type { DraftView } from './draft';

/**
 * The dashboard's current view as a briefing view: what it shows, where and when (the period actually drawn,
 * so "latest quarter" is pinned to the quarter the committee saw), and the camera.
 */
export function draftViewFromMap(view: ViewState, periodId: string, title: string): DraftView {
  return {
    title,
    note: '',
    province: view.province,
    period: periodId,
    indicator: view.indicator,
    method: view.method,
    classes: view.classes,
    todayUnits: view.todayUnits,
    map: view.map,
    // The area on screen is added by the button that reads the map at the moment it is pressed.
    bounds: null,
  };
}

/** A default title a secretary can keep: area — what — period. */
export function defaultViewTitle(parts: { area: string; what: string; period: string }): string {
  return `${parts.area} — ${parts.what} — ${parts.period}`;
}

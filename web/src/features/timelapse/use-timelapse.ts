import { useCallback, useEffect, useRef, useState } from 'react';
import { periodOfClassesKey } from '../../entities/choropleth-data/classes-key';
import type { Period } from '../../lib/periods';
import { DEFAULT_SPEED_MS, nextTimelapsePeriod, timelapseStart } from './timelapse-steps';

export interface TimelapseInput {
  period: Period;
  today: string;
  /** The colouring wanted for `period` (see useChoropleth). */
  classesKey: string;
  /** True once `classesKey` is the answer for `period`, not the previous period kept while loading. */
  ready: boolean;
  /** Shows another period; the caller replaces the URL's period so playing leaves no trail in history. */
  onPeriod: (id: string) => void;
}

/**
 * Plays the map through the periods of the kind on screen. Each period stays `speedMs` after the map has
 * drawn it, so a slow network lengthens a step instead of skipping it; Space toggles playing unless the
 * keyboard is busy in a control. The map tells what it has drawn through `onRendered` (pass it to AtlasMap).
 */
export function useTimelapse(input: TimelapseInput) {
  const [playing, setPlaying] = useState(false);
  const [speedMs, setSpeedMs] = useState(DEFAULT_SPEED_MS);
  const latest = useRef(input);
  latest.current = input;
  const { classesKey, ready, today } = input;
  const periodId = input.period.id;
  const playingRef = useRef(playing);
  playingRef.current = playing;

  // What the map has drawn ('' while it draws a new colouring): always remembered, a state only while
  // playing, so an idle dashboard does not re-render for it.
  const lastRendered = useRef('');
  const [renderedKey, setRenderedKey] = useState('');
  const onRendered = useCallback((key: string) => {
    lastRendered.current = key;
    if (playingRef.current) setRenderedKey(key);
  }, []);
  useEffect(() => {
    setRenderedKey(playing ? lastRendered.current : '');
  }, [playing]);

  // The label keeps the last drawn period while the map redraws (the attribute is empty meanwhile).
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    setShown((was) => (playing ? (periodOfClassesKey(renderedKey) ?? was) : null));
  }, [playing, renderedKey]);

  const drawn = playing && ready && classesKey !== '' && renderedKey === classesKey;
  useEffect(() => {
    if (!drawn) return;
    const timer = setTimeout(() => {
      const next = nextTimelapsePeriod(latest.current.period, today);
      if (next) latest.current.onPeriod(next.id);
      else setPlaying(false);
    }, speedMs);
    return () => clearTimeout(timer);
    // A new period (or speed) restarts the wait; the period itself is read from `latest`.
  }, [drawn, periodId, today, speedMs]);

  // Play on the latest period starts over from the first one (the navigation stays outside a state updater).
  const toggle = useCallback(() => {
    if (playingRef.current) {
      setPlaying(false);
      return;
    }
    const { period, today: day, onPeriod } = latest.current;
    const start = timelapseStart(period, day);
    if (start.id !== period.id) onPeriod(start.id);
    setPlaying(true);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
      if (spaceHasOwnMeaning(e.target)) return;
      e.preventDefault();
      toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);

  return {
    playing,
    speedMs,
    setSpeedMs,
    toggle,
    /** The period whose colours are on the map (for the label), null before the first one is drawn. */
    shownPeriod: playing ? shown : null,
    /** For the map's `onRendered`: the colouring it has drawn paces the steps. */
    onRendered,
  };
}

/** Fields, buttons and links use Space themselves (typing, pressing, checking). */
function spaceHasOwnMeaning(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return (
    target.closest(
      'input, select, textarea, button, a[href], [contenteditable=""], [contenteditable=true]',
    ) !== null
  );
}

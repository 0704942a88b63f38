/**
 * When a share of an old unit counts as the whole of it. A crosswalk row gives the share of an old unit's
 * figures that a new unit takes (its area share). Shares computed from boundaries are never exactly 1 (slivers
 * along a redrawn edge), so from 0.999 on a row is `full`: the new unit takes the old one whole, and a value
 * carried along it is the old unit's own figure. Below that it is `partial`, and a value carried along it is
 * an estimate (shown as such on the map, the table and in briefings).
 */
export const FULL_SHARE_MIN = 0.999;

/** Whether a crosswalk share carries an old unit whole (its value is not an estimate). */
export const isFullShare = (weight: number): boolean => weight >= FULL_SHARE_MIN;

/** The crosswalk row's kind for a share. */
export const shareKind = (weight: number): 'full' | 'partial' => (isFullShare(weight) ? 'full' : 'partial');

/** SQL condition that the crosswalk share `column` is partial (a value carried along it is an estimate). */
export const partialShareSql = (column: string): string => `${column} < ${FULL_SHARE_MIN}`;

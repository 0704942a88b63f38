import { type MapLabel, unitLabelPriority } from '@pcmt/domain/map-labels';

/** Map labels as data (no deck.gl): what label-layer.ts draws, loaded with the map page's first chunk. */
export type { MapLabel } from '@pcmt/domain/map-labels';

/** A unit's label: its name at its anchor (pole of inaccessibility), with the room its letters must fit in. */
export const unitLabel = (u: {
  code: string;
  name: string;
  labelPoint: [number, number];
  areaKm2: number | null;
  labelRoom?: readonly number[] | null;
}): MapLabel => ({
  code: u.code,
  name: u.name,
  position: u.labelPoint,
  priority: unitLabelPriority(u.code, u.areaKm2),
  room: u.labelRoom ?? null,
});

/** The archipelagos, labelled on every national map; placed first, they never give way to a province. */
export { ARCHIPELAGO_LABELS } from '@pcmt/domain/map-labels';

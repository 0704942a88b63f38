import { ARCHIPELAGO_LABELS } from '@pcmt/domain/map-labels';

/**
 * Hoàng Sa and Trường Sa, labelled on every national map whatever the boundary data holds (their label
 * points: the archipelagos' middle). Kept apart from the deck.gl label layer so a MapLibre-only page can
 * draw them too; the same points as the PDF pack's (@pcmt/domain/map-labels).
 */
export const ARCHIPELAGOS: readonly { code: string; name: string; position: [number, number] }[] =
  ARCHIPELAGO_LABELS;

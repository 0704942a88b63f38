/**
 * Hoàng Sa and Trường Sa, labelled on every national map whatever the boundary data holds (their label
 * points: the archipelagos' middle). Kept apart from the deck.gl label layer so a MapLibre-only page can
 * draw them too.
 */
export const ARCHIPELAGOS: readonly { code: string; name: string; position: [number, number] }[] = [
  { code: 'hoang-sa', name: 'Quần đảo Hoàng Sa', position: [112.0, 16.4] },
  { code: 'truong-sa', name: 'Quần đảo Trường Sa', position: [114.0, 10.0] },
];

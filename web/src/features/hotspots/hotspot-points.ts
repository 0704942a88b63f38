/** Hotspots as points (no deck.gl): the data the hotspot layers draw and the popup and counts read. */
export interface HotspotPoint {
  code: string;
  kind: 'diem' | 'tu_diem';
  communeCode: string;
  detectedOn: string;
  eliminatedOn: string | null;
  reemergedOn: string | null;
  status: 'active' | 'eliminated';
  position: [number, number];
}

/** Flattens the API's GeoJSON into points for the layers, the popup and the counts. */
export function hotspotPoints(fc: {
  features: { geometry: { coordinates: [number, number] }; properties: Omit<HotspotPoint, 'position'> }[];
}): HotspotPoint[] {
  return fc.features.map((f) => ({ ...f.properties, position: f.geometry.coordinates }));
}

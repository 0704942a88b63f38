import { TextLayer } from '@deck.gl/layers';

export interface MapLabel {
  code: string;
  name: string;
  position: [number, number];
}

/**
 * Unit names drawn by deck.gl with the browser's own fonts: Vietnamese diacritics render without any glyph
 * server. The character set is taken from the names themselves.
 */
export function buildLabelLayer(id: string, labels: readonly MapLabel[], size: number): TextLayer<MapLabel> {
  return new TextLayer<MapLabel>({
    id,
    data: labels,
    getPosition: (l) => l.position,
    getText: (l) => l.name,
    getSize: size,
    sizeUnits: 'pixels',
    getColor: [20, 20, 20, 255],
    fontFamily: 'system-ui, "Noto Sans", "DejaVu Sans", Arial, sans-serif',
    fontWeight: 600,
    characterSet: 'auto',
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    collisionEnabled: false,
  } as ConstructorParameters<typeof TextLayer<MapLabel>>[0]);
}

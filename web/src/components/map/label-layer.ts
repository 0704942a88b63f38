import { CompositeLayer, type UpdateParameters } from '@deck.gl/core';
import { TextLayer } from '@deck.gl/layers';
import type { MapLabel } from './labels';

export { ARCHIPELAGO_LABELS, type MapLabel, unitLabelPriority } from './labels';

const FONT_FAMILY = 'system-ui, "Noto Sans", "DejaVu Sans", Arial, sans-serif';
const FONT_WEIGHT = 600;
/** The white halo drawn around each letter, in pixels, and a little air between two labels. */
const HALO_PX = 3;
const GAP_PX = 2;

/** A placed label's box on screen, in CSS pixels of the map. */
export interface LabelBox {
  code: string;
  name: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: LabelBox, b: LabelBox) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Greedy collision-aware placement: labels by priority (largest unit first), each kept only when its box
 * overlaps no label kept before it and lies on screen. Pure: the projection and the text width are given.
 */
export function placeLabels(
  labels: readonly MapLabel[],
  project: (position: [number, number]) => [number, number],
  textWidth: (text: string) => number,
  size: number,
  screen: { width: number; height: number },
): { label: MapLabel; box: LabelBox; dx: number }[] {
  const ordered = [...labels].sort(
    (a, b) => (b.priority ?? 0) - (a.priority ?? 0) || a.code.localeCompare(b.code),
  );
  const kept: { label: MapLabel; box: LabelBox; dx: number }[] = [];
  for (const label of ordered) {
    const [x, y] = project(label.position);
    const halfW = textWidth(label.name) / 2 + HALO_PX + GAP_PX;
    const halfH = (size * 1.2) / 2 + HALO_PX;
    if (x < 0 || y < 0 || x > screen.width || y > screen.height) continue;
    // A label near the edge is moved in whole rather than cut (its place is still on screen).
    const dx = Math.max(0, halfW - x) - Math.max(0, x + halfW - screen.width);
    const box = {
      code: label.code,
      name: label.name,
      x0: x + dx - halfW,
      y0: y - halfH,
      x1: x + dx + halfW,
      y1: y + halfH,
    };
    if (kept.some((k) => overlaps(k.box, box))) continue;
    kept.push({ label, box, dx });
  }
  return kept;
}

let measureContext: CanvasRenderingContext2D | null | undefined;
/** Width of a label in pixels in the font the labels are drawn with (an estimate where there is no canvas). */
function measure(text: string, size: number): number {
  if (measureContext === undefined)
    measureContext = globalThis.document?.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * size * 0.62;
  measureContext.font = `${FONT_WEIGHT} ${size}px ${FONT_FAMILY}`;
  return measureContext.measureText(text).width;
}

/**
 * What the map shows now, by layer id: read by the e2e label check (a label's box on screen), not by the app.
 */
const placedByLayer = new Map<string, LabelBox[]>();
(globalThis as { __pcmtPlacedLabels?: Map<string, LabelBox[]> }).__pcmtPlacedLabels = placedByLayer;

interface PlacedLabelProps {
  data: readonly MapLabel[];
  size: number;
}

/** Unit names placed anew whenever the view moves, so they never pile up and keep to where there is room. */
class PlacedLabelLayer extends CompositeLayer<PlacedLabelProps> {
  static override layerName = 'PlacedLabelLayer';

  override shouldUpdateState({ changeFlags }: UpdateParameters<this>): boolean {
    return changeFlags.somethingChanged;
  }

  override renderLayers() {
    const { viewport } = this.context;
    const { data, size } = this.props;
    const placed = placeLabels(
      data,
      (p) => viewport.project(p) as [number, number],
      (text) => measure(text, size),
      size,
      viewport,
    );
    placedByLayer.set(
      this.id,
      placed.map((p) => p.box),
    );
    const shift = new Map(placed.map((p) => [p.label.code, p.dx]));
    return new TextLayer<MapLabel>(
      this.getSubLayerProps({
        id: 'text',
        data: placed.map((p) => p.label),
        getPosition: (l: MapLabel) => l.position,
        getText: (l: MapLabel) => l.name,
        getSize: size,
        sizeUnits: 'pixels',
        getColor: [20, 20, 20, 255],
        fontFamily: FONT_FAMILY,
        fontWeight: FONT_WEIGHT,
        characterSet: 'auto',
        outlineWidth: HALO_PX,
        outlineColor: [255, 255, 255, 230],
        fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
        getPixelOffset: (l: MapLabel) => [shift.get(l.code) ?? 0, 0],
        getTextAnchor: 'middle',
        getAlignmentBaseline: 'center',
      }),
    );
  }

  override finalizeState(context: Parameters<CompositeLayer['finalizeState']>[0]) {
    placedByLayer.delete(this.id);
    super.finalizeState(context);
  }
}

/**
 * Unit names drawn by deck.gl with the browser's own fonts: Vietnamese diacritics render without any glyph
 * server. The character set is taken from the names themselves; labels that would overlap give way to larger
 * units' (placeLabels).
 */
export function buildLabelLayer(id: string, labels: readonly MapLabel[], size: number) {
  return new PlacedLabelLayer({ id, data: labels, size });
}

import { CompositeLayer, type UpdateParameters } from '@deck.gl/core';
import { TextLayer } from '@deck.gl/layers';
import { LABEL_HALO_PX, type LabelBox, type MapLabel, placeLabels } from '@pcmt/domain/map-labels';

export type { LabelBox } from '@pcmt/domain/map-labels';
export { ARCHIPELAGO_LABELS, type MapLabel, unitLabel } from './labels';

const FONT_FAMILY = 'system-ui, "Noto Sans", "DejaVu Sans", Arial, sans-serif';
const FONT_WEIGHT = 600;

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
        outlineWidth: LABEL_HALO_PX,
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
 * server. The character set is taken from the names themselves; a name is drawn at its unit's anchor when it fits
 * inside its unit and overlaps no larger unit's name (@pcmt/domain/map-labels, the rule of the PDF maps too).
 */
export function buildLabelLayer(id: string, labels: readonly MapLabel[], size: number) {
  return new PlacedLabelLayer({ id, data: labels, size });
}

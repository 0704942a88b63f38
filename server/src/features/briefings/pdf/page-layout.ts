/**
 * Where things sit on an A4 landscape page of the briefing pack, in PDF points (1/72 inch). Shared by the
 * geometry loader (it simplifies outlines to what the map frame can show) and the renderer.
 */

export const PAGE = { width: 841.89, height: 595.28 } as const;
export const MARGIN = 28;

/** A rectangle in points, y down from the top of the page (pdfkit's convention). */
export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The map of a view page: the left part under the header. */
export const MAP_FRAME: Frame = { x: MARGIN, y: 112, width: 470, height: 405 };

/** The legend, figures and trend: the column right of the map. */
export const SIDE_FRAME: Frame = {
  x: MAP_FRAME.x + MAP_FRAME.width + 18,
  y: MAP_FRAME.y,
  width: PAGE.width - MARGIN - (MAP_FRAME.x + MAP_FRAME.width + 18),
  height: MAP_FRAME.height,
};

/** Outline detail: vertices closer than this on paper are not worth their bytes. */
export const PRINT_TOLERANCE_PT = 0.4;

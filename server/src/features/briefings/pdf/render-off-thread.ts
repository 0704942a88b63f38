import type { Briefing } from '@pcmt/domain/contracts/briefings';
import { offThread } from '../../../lib/off-thread';
import type { BriefingGeometry } from './briefing-geometry';
import { type RenderOptions, renderBriefingPdf } from './render-briefing-pdf';

/**
 * Drawing a briefing's pages is one synchronous pass of pdfkit: a national pack of ~10,000 communes per
 * page holds a thread for seconds. It runs in a worker thread (plain data in, the PDF's bytes back), so
 * the event loop keeps answering everybody else meanwhile; packs queue in the one worker, which costs at
 * most one core. Where no worker can start, it is drawn inline (off-thread.ts).
 */
const renderer = offThread(
  new URL('./pdf-worker.ts', import.meta.url),
  { renderBriefingPdf },
  'PDF renderer',
);

export async function renderBriefingPdfOffThread(
  briefing: Briefing,
  geometry: BriefingGeometry,
  options: RenderOptions,
): Promise<Buffer> {
  const bytes: Uint8Array = await renderer.run('renderBriefingPdf', briefing, geometry, options);
  // A Buffer crosses the thread boundary as a plain Uint8Array: the same bytes, no copy.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Where the last pack was drawn ('worker', or 'inline' without a worker): tests and diagnostics. */
export const pdfRenderMode = () => renderer.mode;

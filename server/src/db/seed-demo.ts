import { generateDemoDataset } from '@pcmt/data/demo/generate';
import type { Database } from './engine';
import { loadDataset, type Progress } from './load-dataset';

/** The data-source line of every page, slide, PDF and PNG made from the demo dataset (Vietnamese, as they are). */
export const DEMO_SOURCE =
  'Dữ liệu minh họa (tổng hợp) do PCMT Atlas tạo — ranh giới và số liệu không phải số liệu chính thức';

/** Generates the full demo dataset and replaces the database's contents with it. */
export async function seedDemo(db: Database, progress: Progress = () => undefined): Promise<void> {
  const started = Date.now();
  progress('generating units, boundaries and crosswalk…');
  const dataset = generateDemoDataset({ onProgress: progress });
  progress(`generated ${dataset.units.length} units in ${seconds(started)}; loading…`);
  await loadDataset(db, dataset, { synthetic: true, source: DEMO_SOURCE }, progress);
  progress(`demo data ready in ${seconds(started)}`);
}

/** True when nothing has been loaded yet (first start, or a seed that crashed and rolled back). */
export async function isEmpty(db: Database): Promise<boolean> {
  const rows = await db.query<{ n: number }>(`select count(*)::int as n from dataset_meta`);
  return (rows[0]?.n ?? 0) === 0;
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

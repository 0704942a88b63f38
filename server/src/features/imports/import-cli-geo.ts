import { basename } from 'node:path';
import type { Database } from '../../db/engine';
import { importBoundaries } from './boundaries-import';
import type { BoundaryLevel } from './boundary-units';
import { importCrosswalk } from './crosswalk-import';
import { type CliIo, type CliOptions, readInput, UsageError } from './import-cli';

const level = (v: string | undefined): BoundaryLevel => {
  if (v === undefined || v === 'commune') return 'commune';
  if (v === 'province') return 'province';
  throw new UsageError(`--level must be commune or province, not ${v}`);
};

/** `pnpm import boundaries …` and `pnpm import crosswalk …`. */
export async function runGeoCommand(
  db: Database,
  command: 'boundaries' | 'crosswalk',
  file: string | undefined,
  o: CliOptions,
  io: CliIo,
  actor: string,
): Promise<number> {
  if (command === 'boundaries') {
    if (!file) throw new UsageError('boundaries: give the boundary file');
    const validFrom = o['valid-from'];
    if (!validFrom || !/^\d{4}-\d{2}-\d{2}$/.test(validFrom))
      throw new UsageError('boundaries: --valid-from YYYY-MM-DD is required');
    const decreeDate = o['decree-date'];
    if (decreeDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(decreeDate))
      throw new UsageError('boundaries: --decree-date must be YYYY-MM-DD');
    const r = await importBoundaries(
      db,
      {
        fileName: basename(file),
        bytes: await readInput(file),
        validFrom,
        level: level(o.level),
        crs: o.crs ?? null,
        crosswalk: !o['no-crosswalk'],
        scope: o.replace ? 'replace' : 'update',
        decree: o.decree ?? null,
        decreeDate: decreeDate ?? null,
        progress: (m) => io.out(`  ${m}`),
        actor,
      },
      o['dry-run'] ? 'preview' : 'commit',
    );
    io.out(
      `${r.fileName}: ${r.units} ${r.level} units in ${r.crs.id} (${r.crs.source}), version from ${r.validFrom}`,
    );
    io.out(
      `  added ${r.added.length}, removed ${r.removed.length}, changed ${r.changed.length}, unchanged ${r.unchanged}` +
        (r.scope === 'update' ? `, carried over ${r.carriedOver}` : ''),
    );
    if (r.repaired.length > 0)
      io.out(`  repaired ${r.repaired.length} invalid geometries: ${r.repaired.join(', ')}`);
    if (r.overlaps.length > 0)
      io.out(
        `  ${r.overlaps.length} overlaps above tolerance, largest ${r.overlaps[0]?.a}/${r.overlaps[0]?.b} ${r.overlaps[0]?.areaKm2.toFixed(2)} km²`,
      );
    if (r.gaps.length > 0)
      io.out(
        `  ${r.gaps.length} gaps above tolerance, largest ${r.gaps[0]?.areaKm2.toFixed(2)} km² in province ${r.gaps[0]?.provinceCode}`,
      );
    if (r.unmapped.length > 0)
      io.out(
        `  ${r.unmapped.length} replaced units have no crosswalk: ${r.unmapped.slice(0, 20).join(', ')}`,
      );
    io.out(o['dry-run'] ? '  dry run: nothing written' : `  → import #${r.importId}`);
    return 0;
  }
  const at = o.at;
  if (!at || !/^\d{4}-\d{2}-\d{2}$/.test(at))
    throw new UsageError('crosswalk: --at YYYY-MM-DD (first day of the new units) is required');
  if (!file && !o.area)
    throw new UsageError('crosswalk: give a CSV file, or --area to compute weights from geometry');
  const r = await importCrosswalk(db, {
    file: file ? { name: basename(file), bytes: await readInput(file) } : null,
    at,
    level: level(o.level),
    actor,
  });
  io.out(
    `crosswalk ${r.method} for ${r.level} change on ${r.at}: ${r.rows} rows from ${r.oldUnits} old units → import #${r.importId}`,
  );
  if (r.unmappedOld.length > 0)
    io.out(`  old units left unmapped (${r.unmappedOld.length}): ${r.unmappedOld.slice(0, 30).join(', ')}`);
  if (r.unreachedNew.length > 0)
    io.out(
      `  new units no old unit maps to (${r.unreachedNew.length}): ${r.unreachedNew.slice(0, 30).join(', ')}`,
    );
  return 0;
}

import { type AddressIssues, loadAddressPackage } from './address-package';
import { buildCrosswalk } from './crosswalk';
import { buildDrugModel } from './drug-model';
import { buildGeometry } from './geometry';
import { buildHotspots } from './hotspots';
import { buildIndicators } from './indicators';
import { loadCommunePoints, loadProvincePoints, loadVietnamOutline } from './inputs';
import { buildPeriods } from './periods';
import { buildDemoPlans } from './plans';
import { populatePieces } from './population';
import { type ReportingUnit, reportingUnits } from './reporting-units';
import { buildStatusRuleSets } from './status-rules';
import { buildSituation, buildStatusDecisions } from './statuses';
import type { DemoDataset, DemoOptions } from './types';
import { assembleUnits } from './units';
import { valueBatches } from './values';

/** Seed used when none is given: the date of the 2025 reorganisation. */
export const DEFAULT_SEED = 20250701;

function describeIssues(issues: AddressIssues): string {
  return [
    `address package: ${issues.mappingRows} mapping rows`,
    `${issues.exactDuplicateRows} exact duplicates dropped`,
    `${issues.newCodeResolvedByName + issues.newCodeContradictedByName} new codes resolved by name`,
    `${issues.partialLinksFromUncodedRows} partial links kept and ${issues.skippedUncodedRows} stale rows without old code skipped`,
    `${issues.unresolvedRows} unresolved`,
    `communes without predecessor: ${issues.newCommunesWithoutPredecessor.join(', ') || 'none'}`,
  ].join('; ');
}

/**
 * Generates the whole synthetic demo dataset: units of both versions with boundaries, the
 * crosswalk, indicators, periods, status decisions, hotspots, and a lazy source of quarterly
 * values. Deterministic: the same options give identical output.
 */
export function generateDemoDataset(options: DemoOptions = {}): DemoDataset {
  const seed = options.seed ?? DEFAULT_SEED;
  const progress = options.onProgress ?? (() => undefined);

  const book = loadAddressPackage();
  progress(describeIssues(book.issues));
  const communePoints = loadCommunePoints();
  const provincePoints = loadProvincePoints();
  const land = loadVietnamOutline();

  const layers = buildGeometry(book, communePoints, land, seed, progress);
  const people = populatePieces(layers.pieces, book, seed);
  const { units, districtCodes } = assembleUnits(book, layers, people.population, provincePoints);
  progress(`Assembled ${units.length} units`);
  const crosswalk = buildCrosswalk(layers.pieces, districtCodes);

  const model = buildDrugModel(layers.pieces, people, book, seed);
  const reporting = reportingUnits(book, layers.pieces);
  const wanted = options.provinces ? new Set(options.provinces) : null;
  const include = (unit: ReportingUnit) => !wanted || unit.currentProvinces.some((code) => wanted.has(code));
  const situation = buildSituation(reporting, model, seed);
  const statusDecisions = buildStatusDecisions(reporting, situation, model, seed, include);
  const hotspots = buildHotspots(reporting.current, layers.communes, model, seed, include);
  progress(`${statusDecisions.length} status decisions, ${hotspots.length} hotspots`);

  return {
    seed,
    units,
    crosswalk,
    indicators: buildIndicators(),
    periods: buildPeriods(),
    statusDecisions,
    hotspots,
    plans: buildDemoPlans(units, statusDecisions),
    statusRuleSets: buildStatusRuleSets(),
    valueBatches: () => valueBatches(model, reporting, seed, include, situation.quiet),
  };
}

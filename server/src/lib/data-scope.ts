import { SerialId } from '@pcmt/domain/contracts/common';
import type { Queryable } from '../db/engine';
import type { Identity } from '../features/auth/identity';
import {
  coversProvince,
  coversUnit,
  type Jurisdiction,
  jurisdictionParams,
  mayReadUnit,
  touchesProvince,
  unitInJurisdictionSql,
} from '../features/auth/jurisdiction';
import { mayReadBriefing } from '../features/briefings/briefing-access';
import { findBriefingSummary } from '../features/briefings/briefings.repo';
import { findHotspot } from '../features/hotspots/hotspot-register.repo';
import { findIndicator } from '../features/indicators/indicators.repo';
import { findPatrolPlan } from '../features/patrol/patrol.repo';
import { planScopeReadable } from '../features/plans/plan-access';
import { findPlan } from '../features/plans/plans.repo';
import { findSubmission } from '../features/reporting/submissions.repo';
import { proposalProvince } from '../features/status-rules/rule-proposals.repo';
import { selectUnitsWithCode, visibleImportExists } from './data-scope.repo';
import { findJob } from './jobs.repo';
import { today } from './sql';

/**
 * What a request parameter or body field can name, and how each is decided to lie inside a caller's
 * jurisdiction. Used by the data guard (lib/data-guard.ts) before any handler runs; nothing here tells
 * "does not exist" from "not yours": both are `false`.
 */
export type DataKind =
  /** A unit whose aggregated figures are read (scorecard unit, series unit): `mayReadUnit`. */
  | 'unit'
  /** A unit whose communes are listed, filtered to the caller's (values `parent`): any part of it inside. */
  | 'area'
  /** A province that must be wholly inside (hotspot positions, statistics, briefings views). */
  | 'province'
  /** A commune that must be inside. */
  | 'commune'
  /** A unit granted to an account: inside the granting admin's own jurisdiction. */
  | 'grant'
  | 'plan'
  | 'hotspot'
  | 'briefing'
  | 'patrolPlan'
  /** A values import: every value it changed lies in the caller's jurisdiction. */
  | 'valuesImport'
  /** A boundary or crosswalk import: it changes units for everyone, so a national grant only. */
  | 'unitsImport'
  /** A status rule set to change: rule sets apply to every province, so a national grant only (admins: the route table). */
  | 'ruleSetWrite'
  /** A catalogue entry to change: a national one needs a national grant, a province's own a grant covering it. */
  | 'indicatorWrite'
  /** A job (features/jobs): its owner's, or any with a national grant. */
  | 'job'
  /** A unit's report of a form and period (issue 17): its unit lies inside. */
  | 'submission'
  /** A province's proposal to change a status rule set: its province lies wholly inside. */
  | 'ruleProposal';

/** Whether the kind is a unit code (public reference data: refusing it reveals nothing). */
export const isUnitKind = (k: DataKind) =>
  k === 'unit' || k === 'area' || k === 'province' || k === 'commune' || k === 'grant';

/** Every unit of any version with this code: all must be inside (a code reused elsewhere is not trusted). */
const unitsWithCode = selectUnitsWithCode;

const all = <T>(rows: T[], ok: (r: T) => boolean) => rows.length > 0 && rows.every(ok);

export async function isInside(
  db: Queryable,
  identity: Identity,
  kind: DataKind,
  value: string,
): Promise<boolean> {
  const j: Jurisdiction = identity.jurisdiction;
  if (j.national) return true;
  switch (kind) {
    case 'unit':
      return all(await unitsWithCode(db, value), (u) => mayReadUnit(j, u));
    case 'area':
      return all(await unitsWithCode(db, value), (u) =>
        u.level === 'commune' ? coversUnit(j, u) : touchesProvince(j, u.provinceCode),
      );
    case 'province':
      return all(await unitsWithCode(db, value), (u) => coversProvince(j, u.provinceCode));
    case 'commune':
      return all(await unitsWithCode(db, value), (u) => u.level === 'commune' && coversUnit(j, u));
    case 'grant':
      return all(await unitsWithCode(db, value), (u) => mayReadUnit(j, u));
    case 'plan': {
      const plan = await findPlan(db, value);
      return plan !== undefined && (await planScopeReadable(db, plan.scopeUnitId, j));
    }
    case 'hotspot': {
      const h = await findHotspot(db, value, today());
      return h !== null && h.provinceCode !== null && coversProvince(j, h.provinceCode);
    }
    case 'briefing': {
      const b = await findBriefingSummary(db, value);
      return b !== undefined && mayReadBriefing(j, b);
    }
    case 'patrolPlan': {
      const id = SerialId.safeParse(value);
      const p = id.success ? await findPatrolPlan(db, id.data) : null;
      return p !== null && all(p.provinces, (pr) => coversProvince(j, pr));
    }
    case 'valuesImport': {
      const id = SerialId.safeParse(value);
      if (!id.success) return false;
      return visibleImportExists(db, visibleImportsSql(j), id.data);
    }
    case 'indicatorWrite': {
      if (!/^[a-z][a-z0-9_]{1,63}$/.test(value)) return false;
      const indicator = await findIndicator(db, value);
      return indicator?.provinceCode != null && coversProvince(j, indicator.provinceCode);
    }
    case 'submission': {
      const id = SerialId.safeParse(value);
      const s = id.success ? await findSubmission(db, id.data) : undefined;
      return s !== undefined && coversUnit(j, { id: s.unitId, provinceCode: s.provinceCode });
    }
    case 'ruleProposal': {
      const id = SerialId.safeParse(value);
      const province = id.success ? await proposalProvince(db, id.data) : undefined;
      return province !== undefined && coversProvince(j, province);
    }
    case 'job': {
      const job = /^[A-Za-z0-9]{12}$/.test(value) ? await findJob(db, value) : null;
      return job !== null && job.ownerUserId !== null && job.ownerUserId === identity.user?.id;
    }
    case 'unitsImport':
    case 'ruleSetWrite':
      return false;
  }
}

/**
 * SQL filter of `imports i` rows a caller may see, parameters $1, $2: for all but a national grant, values
 * imports whose every changed value lies in the jurisdiction. The list and the guard's `valuesImport` use it.
 */
export function visibleImportsSql(j: Jurisdiction): { where: string; params: unknown[] } {
  const scope = jurisdictionParams(j);
  if (scope === null) return { where: 'true', params: [] };
  return {
    where: `i.kind = 'values' and not exists (
              select 1 from import_value_changes x join admin_units u on u.id = x.unit_id
               where x.import_id = i.id and not ${unitInJurisdictionSql('u', 1)})`,
    params: [scope.provinceCodes, scope.communeIds],
  };
}

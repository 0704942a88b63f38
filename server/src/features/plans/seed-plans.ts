import type { DemoDataset } from '@pcmt/data/demo/types';
import { TargetDefinition } from '@pcmt/domain/contracts/plans';
import { Rules } from '@pcmt/domain/contracts/status-rules';
import type { Queryable } from '../../db/engine';
import { describeZodError } from '../../lib/openapi';

/**
 * Loads a dataset's plans, targets and status rule sets (part of the dataset load, one transaction). Every
 * definition is checked against the contract the API enforces, so the seed cannot hold what a user could
 * not have written; a scope names its unit version by level, code and first day.
 */
export async function insertPlansAndRuleSets(tx: Queryable, dataset: DemoDataset): Promise<void> {
  await tx.query('truncate plans, status_rule_sets restart identity cascade');
  for (const plan of dataset.plans) {
    let scopeId: number | null = null;
    if (plan.scope) {
      const rows = await tx.query<{ id: number }>(
        `select id from admin_units where level = $1 and code = $2 and valid_from = $3::date`,
        [plan.scope.level, plan.scope.code, plan.scope.validFrom],
      );
      scopeId = rows[0]?.id ?? null;
      if (scopeId === null)
        throw new Error(
          `plan ${plan.code}: no ${plan.scope.level} ${plan.scope.code} from ${plan.scope.validFrom}`,
        );
    }
    const [inserted] = await tx.query<{ id: number }>(
      `insert into plans (code, title, issuing_body, document_no, issued_on, scope_unit_id, period_start, period_end, notes)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [
        plan.code,
        plan.title,
        plan.issuingBody,
        plan.documentNo,
        plan.issuedOn,
        scopeId,
        plan.periodStart,
        plan.periodEnd,
        plan.notes,
      ],
    );
    for (const [i, t] of plan.targets.entries()) {
      const parsed = TargetDefinition.safeParse(t.definition);
      if (!parsed.success) {
        const { message } = describeZodError(parsed.error);
        throw new Error(`plan ${plan.code}, target ${t.code}: ${message}`);
      }
      await tx.query(
        `insert into plan_targets (plan_id, code, title, kind, definition, deadline, is_public, sort_order)
         values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
        [
          inserted?.id,
          t.code,
          t.title,
          parsed.data.kind,
          JSON.stringify(parsed.data),
          t.deadline,
          t.isPublic,
          i,
        ],
      );
    }
  }
  for (const set of dataset.statusRuleSets) {
    const parsed = Rules.safeParse(set.rules);
    if (!parsed.success) throw new Error(`rule set ${set.code}: ${describeZodError(parsed.error).message}`);
    await tx.query(
      `insert into status_rule_sets (code, version, title, legal_source, valid_from, valid_to, rules)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [
        set.code,
        set.version,
        set.title,
        set.legalSource,
        set.validFrom,
        set.validTo,
        JSON.stringify(parsed.data),
      ],
    );
  }
}

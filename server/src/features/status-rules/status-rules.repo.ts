import type { RuleSet, RuleSetInput } from '@pcmt/domain/contracts/status-rules';
import { Rules } from '@pcmt/domain/contracts/status-rules';
import type { Queryable } from '../../db/engine';
import { bump } from '../../lib/data-generations';

/** Versioned status rule sets: one row per (code, version); an edit is a new version, never an update. */

const COLUMNS = `id, code, version, title, legal_source as "legalSource", to_char(valid_from, 'YYYY-MM-DD') as "validFrom",
  to_char(valid_to, 'YYYY-MM-DD') as "validTo", rules`;

/** Stored rules were written through the Rules contract; parsing again guards against hand edits in SQL. */
const toRuleSet = (row: Omit<RuleSet, 'rules'> & { rules: unknown }): RuleSet => ({
  ...row,
  rules: Rules.parse(row.rules),
});

export async function listRuleSets(db: Queryable): Promise<RuleSet[]> {
  const rows = await db.query<Omit<RuleSet, 'rules'> & { rules: unknown }>(
    `select ${COLUMNS} from status_rule_sets order by code, version desc`,
  );
  return rows.map(toRuleSet);
}

/** The latest version of a rule set, or undefined. */
export async function latestRuleSet(db: Queryable, code: string): Promise<RuleSet | undefined> {
  const rows = await db.query<Omit<RuleSet, 'rules'> & { rules: unknown }>(
    `select ${COLUMNS} from status_rule_sets where code = $1 order by version desc limit 1`,
    [code],
  );
  return rows[0] && toRuleSet(rows[0]);
}

/**
 * The rule set applying to a period ending on `periodEnd`: valid on that day, the most recently adopted
 * basis first, its latest version.
 */
export async function ruleSetInForce(db: Queryable, periodEnd: string): Promise<RuleSet | undefined> {
  const rows = await db.query<Omit<RuleSet, 'rules'> & { rules: unknown }>(
    `select ${COLUMNS} from status_rule_sets
     where valid_from <= $1::date and (valid_to is null or valid_to > $1::date)
     order by valid_from desc, version desc limit 1`,
    [periodEnd],
  );
  return rows[0] && toRuleSet(rows[0]);
}

export async function insertRuleSetVersion(
  tx: Queryable,
  code: string,
  input: RuleSetInput,
): Promise<RuleSet> {
  const rows = await tx.query<Omit<RuleSet, 'rules'> & { rules: unknown }>(
    `insert into status_rule_sets (code, version, title, legal_source, valid_from, valid_to, rules)
     select $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6::jsonb from status_rule_sets where code = $1
     returning ${COLUMNS}`,
    [code, input.title, input.legalSource, input.validFrom, input.validTo, JSON.stringify(input.rules)],
  );
  const row = rows[0];
  if (!row) throw new Error('insert into status_rule_sets returned nothing');
  await bump(tx, 'statuses');
  return toRuleSet(row);
}

/** Communes valid at a date, optionally of one province, with their label points. */
export async function communesOn(db: Queryable, on: string, province: string | null) {
  return db.query<{
    id: number;
    code: string;
    name: string;
    provinceCode: string;
    labelPoint: [number, number];
  }>(
    `select u.id, u.code, u.full_name as name, u.province_code as "provinceCode",
       json_build_array(round(ST_X(u.label_point)::numeric, 5)::float8, round(ST_Y(u.label_point)::numeric, 5)::float8) as "labelPoint"
     from admin_units u
     where u.level = 'commune' and u.valid_from <= $1::date and (u.valid_to is null or u.valid_to > $1::date)
       and ($2::text is null or u.province_code = $2)
     order by u.code`,
    [on, province],
  );
}

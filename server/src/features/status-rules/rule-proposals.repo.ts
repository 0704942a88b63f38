import type { Rules } from '@pcmt/domain/contracts/status-rules';
import type { Queryable } from '../../db/engine';

/** Provinces' proposals to change a national status rule set (table status_rule_proposals). */

export interface ProposalRow {
  id: number;
  ruleSetCode: string;
  ruleSetTitle: string;
  baseVersion: number;
  latestVersion: number;
  provinceCode: string;
  provinceName: string;
  rules: unknown;
  /** The rules of the base version, to diff against. */
  baseRules: unknown;
  reason: string;
  status: 'pending' | 'accepted' | 'rejected';
  proposedBy: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  acceptedVersion: number | null;
}

const SELECT = `
  select p.id, p.rule_set_code as "ruleSetCode", b.title as "ruleSetTitle", p.base_version as "baseVersion",
    (select max(version) from status_rule_sets s where s.code = p.rule_set_code)::int as "latestVersion",
    p.province_code as "provinceCode",
    coalesce((select u.full_name from admin_units u where u.level = 'province' and u.province_code = p.province_code
               order by u.valid_to desc nulls first limit 1), p.province_code) as "provinceName",
    p.rules, b.rules as "baseRules", p.reason, p.status, p.proposed_by as "proposedBy",
    to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
    p.decided_by as "decidedBy",
    to_char(p.decided_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "decidedAt",
    p.decision_reason as "decisionReason", p.accepted_version as "acceptedVersion"
  from status_rule_proposals p
  join status_rule_sets b on b.code = p.rule_set_code and b.version = p.base_version`;

/**
 * Proposals, newest first: of the given provinces (null: every province), optionally in one state.
 */
export async function listProposals(
  db: Queryable,
  provinces: readonly string[] | null,
  status: string | null,
): Promise<ProposalRow[]> {
  return db.query<ProposalRow>(
    `${SELECT}
     where ($1::text[] is null or p.province_code = any($1::text[])) and ($2::text is null or p.status = $2)
     order by p.created_at desc, p.id desc limit 500`,
    [provinces === null ? null : [...provinces], status],
  );
}

export async function findProposal(
  db: Queryable,
  id: number,
  lock = false,
): Promise<ProposalRow | undefined> {
  const rows = await db.query<ProposalRow>(`${SELECT} where p.id = $1${lock ? ' for update of p' : ''}`, [
    id,
  ]);
  return rows[0];
}

export async function insertProposal(
  tx: Queryable,
  p: {
    ruleSetCode: string;
    baseVersion: number;
    provinceCode: string;
    rules: Rules;
    reason: string;
    proposedBy: string;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into status_rule_proposals (rule_set_code, base_version, province_code, rules, reason, proposed_by)
     values ($1, $2, $3, $4::jsonb, $5, $6) returning id`,
    [p.ruleSetCode, p.baseVersion, p.provinceCode, JSON.stringify(p.rules), p.reason, p.proposedBy],
  );
  if (!row) throw new Error('insert into status_rule_proposals returned nothing');
  return row.id;
}

/** Records the national administrator's decision on a pending proposal. */
export async function decideProposal(
  tx: Queryable,
  id: number,
  d: { status: 'accepted' | 'rejected'; by: string; reason: string | null; acceptedVersion: number | null },
): Promise<void> {
  await tx.query(
    `update status_rule_proposals set status = $2, decided_by = $3, decided_at = now(), decision_reason = $4,
       accepted_version = $5
     where id = $1 and status = 'pending'`,
    [id, d.status, d.by, d.reason, d.acceptedVersion],
  );
}

/** The province of a proposal, for the data guard; undefined when there is none. */
export async function proposalProvince(db: Queryable, id: number): Promise<string | undefined> {
  const [row] = await db.query<{ provinceCode: string }>(
    `select province_code as "provinceCode" from status_rule_proposals where id = $1`,
    [id],
  );
  return row?.provinceCode;
}

import { createRoute, type z } from '@hono/zod-openapi';
import { IdParam } from '@pcmt/domain/contracts/common';
import {
  type RuleProposal,
  RuleProposalInput,
  RuleProposalRejection,
  RuleProposalResponse,
  RuleProposalsQuery,
  RuleProposalsResponse,
} from '@pcmt/domain/contracts/rule-proposals';
import { Rules } from '@pcmt/domain/contracts/status-rules';
import { actorOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { bodyHook } from '../../lib/body-hook';
import type { RouteDeps } from '../../lib/context';
import { ApiError, badRequest, notFound } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse } from '../../lib/openapi';
import { coversProvince } from '../auth/jurisdiction';
import { ruleChanges, structureChange } from './rule-changes';
import {
  decideProposal,
  findProposal,
  insertProposal,
  listProposals,
  type ProposalRow,
} from './rule-proposals.repo';
import { insertRuleSetVersion, latestRuleSet } from './status-rules.repo';

/**
 * A province proposes new thresholds for a national status rule set; the national administrator accepts
 * (a new version of the rule set, naming the proposer) or rejects with a reason. A proposal never changes
 * the rule set by itself. Who reaches what: ROUTE_ACCESS (proposing and reading: the committee and admins;
 * deciding: admins) and the data guard (a proposal is read in its province's jurisdiction; deciding needs a
 * national grant, as changing the rule set does).
 */

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const list = createRoute({
  method: 'get',
  path: '/api/status-rule-proposals',
  summary: 'Proposals to change a national rule set, of the provinces in the caller’s jurisdiction',
  request: { query: RuleProposalsQuery },
  responses: {
    200: { description: 'Proposals with their changes', ...json(RuleProposalsResponse) },
    400: errorResponse('Bad parameter'),
  },
});

const get = createRoute({
  method: 'get',
  path: '/api/status-rule-proposals/{id}',
  summary: 'One proposal and what it changes (criterion, current value, proposed value)',
  request: { params: IdParam },
  responses: {
    200: { description: 'Proposal', ...json(RuleProposalResponse) },
    404: errorResponse('No such proposal in the caller’s jurisdiction'),
  },
});

const propose = createRoute({
  method: 'post',
  path: '/api/status-rule-proposals',
  summary: 'A province proposes new thresholds for the latest version of a national rule set',
  request: { body: { ...json(RuleProposalInput), required: true } },
  responses: {
    201: { description: 'Proposed (the rule set is unchanged)', ...json(RuleProposalResponse) },
    400: errorResponse('Invalid field, or nothing changed'),
    404: errorResponse('No such rule set'),
  },
});

const accept = createRoute({
  method: 'post',
  path: '/api/status-rule-proposals/{id}/accept',
  summary: 'Adopt a proposal as a new version of its rule set (national administrators)',
  request: { params: IdParam },
  responses: {
    200: { description: 'Accepted', ...json(RuleProposalResponse) },
    404: errorResponse('No such proposal'),
    409: errorResponse('Already decided, or the rule set has a newer version'),
  },
});

const reject = createRoute({
  method: 'post',
  path: '/api/status-rule-proposals/{id}/reject',
  summary: 'Reject a proposal with a reason (national administrators)',
  request: { params: IdParam, body: { ...json(RuleProposalRejection), required: true } },
  responses: {
    200: { description: 'Rejected', ...json(RuleProposalResponse) },
    400: errorResponse('Invalid field'),
    404: errorResponse('No such proposal'),
    409: errorResponse('Already decided'),
  },
});

const toProposal = (row: ProposalRow): RuleProposal => {
  const { rules, baseRules, ...rest } = row;
  return { ...rest, changes: ruleChanges(Rules.parse(baseRules), Rules.parse(rules)) };
};

/** The same answer for a proposal that does not exist as for one outside the jurisdiction (data guard). */
const noProposal = (id: number) =>
  notFound(
    'id',
    msg('access.not_found_in_jurisdiction', { field: 'id', noun: 'đề xuất', value: String(id) }),
  );

const STATUS_WORDS = { accepted: 'chấp nhận', rejected: 'từ chối' } as const;

function requirePending(row: ProposalRow): void {
  if (row.status !== 'pending')
    throw new ApiError(
      409,
      'conflict',
      msg('rules.proposal_decided', { field: 'id', id: row.id, outcome: STATUS_WORDS[row.status] }),
      'id',
    );
}

export const ruleProposalsRoutes = ({ db }: RouteDeps) =>
  createRouter()
    .openapi(list, async (c) => {
      const { status } = c.req.valid('query');
      const j = c.get('identity').jurisdiction;
      // A province sees its own proposals; a national grant every province's.
      const rows = await listProposals(db, j.national ? null : [...j.provinceCodes], status ?? null);
      return c.json({ rows: rows.filter((r) => coversProvince(j, r.provinceCode)).map(toProposal) }, 200);
    })
    .openapi(get, async (c) => {
      const { id } = c.req.valid('param');
      const row = await findProposal(db, id);
      if (!row || !coversProvince(c.get('identity').jurisdiction, row.provinceCode)) throw noProposal(id);
      return c.json({ proposal: toProposal(row) }, 200);
    })
    .openapi(
      propose,
      async (c) => {
        const input = c.req.valid('json');
        const j = c.get('identity').jurisdiction;
        // The data guard checked the province lies wholly inside; this keeps the handler honest on its own.
        if (!coversProvince(j, input.province))
          throw new ApiError(
            403,
            'outside_jurisdiction',
            msg('access.outside_jurisdiction', { field: 'province', value: input.province }),
            'province',
          );
        const id = await db.transaction(async (tx) => {
          const base = await latestRuleSet(tx, input.ruleSet);
          if (!base)
            throw notFound('ruleSet', msg('rules.unknown_set', { field: 'ruleSet', code: input.ruleSet }));
          const changed = structureChange(base.rules, input.rules);
          if (changed) throw badRequest(changed, msg('rules.proposal_only_thresholds', { field: changed }));
          if (ruleChanges(base.rules, input.rules).length === 0)
            throw badRequest(
              'rules',
              msg('rules.proposal_no_change', { field: 'rules', version: base.version }),
            );
          const created = await insertProposal(tx, {
            ruleSetCode: base.code,
            baseVersion: base.version,
            provinceCode: input.province,
            rules: input.rules,
            reason: input.reason,
            proposedBy: actorOf(c),
          });
          await recordAudit(tx, {
            actor: actorOf(c),
            action: 'propose',
            entity: 'status_rule_proposal',
            entityId: created,
            after: {
              ruleSet: `${base.code}@${base.version}`,
              province: input.province,
              reason: input.reason,
              changes: ruleChanges(base.rules, input.rules),
            },
          });
          return created;
        });
        const row = await findProposal(db, id);
        if (!row) throw noProposal(id);
        return c.json({ proposal: toProposal(row) }, 201);
      },
      bodyHook,
    )
    .openapi(accept, async (c) => {
      const { id } = c.req.valid('param');
      const actor = actorOf(c);
      await db.transaction(async (tx) => {
        const row = await findProposal(tx, id, true);
        if (!row) throw noProposal(id);
        requirePending(row);
        const latest = await latestRuleSet(tx, row.ruleSetCode);
        if (!latest || latest.version !== row.baseVersion)
          throw new ApiError(
            409,
            'conflict',
            msg('rules.proposal_outdated', {
              field: 'id',
              base: row.baseVersion,
              latest: latest?.version ?? row.baseVersion,
            }),
            'id',
          );
        const { id: _id, code, version: _version, ...unchanged } = latest;
        const created = await insertRuleSetVersion(tx, code, { ...unchanged, rules: Rules.parse(row.rules) });
        await decideProposal(tx, id, {
          status: 'accepted',
          by: actor,
          reason: null,
          acceptedVersion: created.version,
        });
        // The new version's audit row names who proposed it and why, beside who adopted it.
        await recordAudit(tx, {
          actor,
          action: 'create',
          entity: 'status_rule_set',
          entityId: `${code}@${created.version}`,
          before: latest,
          after: {
            ...created,
            proposal: { id, province: row.provinceCode, proposedBy: row.proposedBy, reason: row.reason },
          },
        });
        await recordAudit(tx, {
          actor,
          action: 'accept',
          entity: 'status_rule_proposal',
          entityId: id,
          before: { status: 'pending' },
          after: { status: 'accepted', ruleSet: `${code}@${created.version}`, proposedBy: row.proposedBy },
        });
      });
      const row = await findProposal(db, id);
      if (!row) throw noProposal(id);
      return c.json({ proposal: toProposal(row) }, 200);
    })
    .openapi(
      reject,
      async (c) => {
        const { id } = c.req.valid('param');
        const { reason } = c.req.valid('json');
        const actor = actorOf(c);
        await db.transaction(async (tx) => {
          const row = await findProposal(tx, id, true);
          if (!row) throw noProposal(id);
          requirePending(row);
          await decideProposal(tx, id, { status: 'rejected', by: actor, reason, acceptedVersion: null });
          await recordAudit(tx, {
            actor,
            action: 'reject',
            entity: 'status_rule_proposal',
            entityId: id,
            before: { status: 'pending' },
            after: { status: 'rejected', reason, proposedBy: row.proposedBy },
          });
        });
        const row = await findProposal(db, id);
        if (!row) throw noProposal(id);
        return c.json({ proposal: toProposal(row) }, 200);
      },
      bodyHook,
    );

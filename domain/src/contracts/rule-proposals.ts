import { z } from 'zod';
import { CommuneStatus, UnitCode } from './common';
import { Slug } from './plans';
import { Rules } from './status-rules';

/**
 * A province's proposal to change the thresholds of a national status rule set (issue 16). National rule
 * sets are changed only by national administrators; a province proposes the rules it would adopt, with a
 * reason, and the national administrator accepts (a new version) or rejects (with a reason).
 */

export const RuleProposalInput = z.object({
  /** The rule set whose latest version the proposal changes. */
  ruleSet: Slug,
  /** The proposing province (inside the caller's jurisdiction). */
  province: UnitCode,
  reason: z.string().trim().min(1, 'không được để trống').max(2000, 'tối đa 2000 ký tự'),
  /** The whole rules as proposed: the same categories and criteria, only thresholds and counts changed. */
  rules: Rules,
});
export type RuleProposalInput = z.infer<typeof RuleProposalInput>;

/** What a proposal changes: a category's number of criteria to meet, or a criterion's field. */
export const RuleChangeField = z.enum(['minCriteria', 'op', 'threshold', 'confirmed', 'note']);
export type RuleChangeField = z.infer<typeof RuleChangeField>;

const ChangeValue = z.union([z.number(), z.string(), z.boolean()]);

export const RuleChange = z.object({
  status: CommuneStatus,
  /** The criterion's id; null for the category's `minCriteria`. */
  criterion: z.string().nullable(),
  /** The criterion's Vietnamese name; null for the category. */
  labelVi: z.string().nullable(),
  field: RuleChangeField,
  from: ChangeValue,
  to: ChangeValue,
});
export type RuleChange = z.infer<typeof RuleChange>;

export const RuleProposalStatus = z.enum(['pending', 'accepted', 'rejected']);

export const RuleProposal = z.object({
  id: z.number(),
  ruleSetCode: z.string(),
  ruleSetTitle: z.string(),
  /** The version the proposal was written on; the diff is against it. */
  baseVersion: z.number(),
  /** The rule set's latest version now: a pending proposal on an older one cannot be accepted as is. */
  latestVersion: z.number(),
  provinceCode: z.string(),
  provinceName: z.string(),
  reason: z.string(),
  status: RuleProposalStatus,
  proposedBy: z.string(),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  acceptedVersion: z.number().nullable(),
  changes: z.array(RuleChange),
});
export type RuleProposal = z.infer<typeof RuleProposal>;

export const RuleProposalsQuery = z.object({
  status: RuleProposalStatus.optional().describe('only proposals in this state; default all'),
});
export const RuleProposalsResponse = z.object({ rows: z.array(RuleProposal) });
export const RuleProposalResponse = z.object({ proposal: RuleProposal });

export const RuleProposalRejection = z.object({
  reason: z.string().trim().min(1, 'không được để trống').max(2000, 'tối đa 2000 ký tự'),
});

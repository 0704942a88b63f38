import { evaluateRules, type RuleSetRules } from '@pcmt/domain/status-rule-evaluation';
import type { CommuneStatus } from './types';

/**
 * The demo's reading of the official status rules: the server's own evaluation
 * (@pcmt/domain/status-rule-evaluation, the one definition) applied to a commune's generated values. The
 * demo derives its recognised statuses from its own indicators with it, so a decision and the engine's
 * suggestion agree by construction; the thresholds are those of `status-rules.ts`, the one place they live
 * (the server loads them from there).
 */

/** A rule set as the demo types it: the shape the evaluation reads. */
export type DemoRules = RuleSetRules;

/**
 * Suggested status from a commune's values over the assessed period (stocks at its end, flows summed), by
 * indicator code. Route data do not exist in the demo: route criteria are unknown, as on the server.
 */
export function suggestStatus(rules: DemoRules, values: ReadonlyMap<string, number>): CommuneStatus {
  return evaluateRules(rules, { values, onRoute: null }).suggested;
}

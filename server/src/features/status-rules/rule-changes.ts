import type { RuleChange } from '@pcmt/domain/contracts/rule-proposals';
import type { Rules } from '@pcmt/domain/contracts/status-rules';

/**
 * What a province's proposal changes in a national rule set: the same categories and criteria (what is
 * measured is the nation's), only how many criteria a category needs and each criterion's comparison,
 * threshold, confirmation and note.
 */

const CRITERION_FIELDS = ['op', 'threshold', 'confirmed', 'note'] as const;

/** Every change from `base` to `proposed`, in the rule set's order; [] when they are the same. */
export function ruleChanges(base: Rules, proposed: Rules): RuleChange[] {
  const out: RuleChange[] = [];
  for (const [i, category] of base.categories.entries()) {
    const next = proposed.categories[i];
    if (!next) continue;
    if (next.minCriteria !== category.minCriteria)
      out.push({
        status: category.status,
        criterion: null,
        labelVi: null,
        field: 'minCriteria',
        from: category.minCriteria,
        to: next.minCriteria,
      });
    for (const criterion of category.criteria) {
      const other = next.criteria.find((k) => k.id === criterion.id);
      if (!other) continue;
      for (const field of CRITERION_FIELDS) {
        if (other[field] === criterion[field]) continue;
        out.push({
          status: category.status,
          criterion: criterion.id,
          labelVi: criterion.labelVi,
          field,
          from: criterion[field],
          to: other[field],
        });
      }
    }
  }
  return out;
}

/**
 * The first place where `proposed` changes more than thresholds (a category or criterion added, removed,
 * reordered or measuring something else), as a field path of the request body; null when it changes only
 * what a proposal may change.
 */
export function structureChange(base: Rules, proposed: Rules): string | null {
  if (proposed.otherwise !== base.otherwise) return 'rules.otherwise';
  if (proposed.categories.length !== base.categories.length) return 'rules.categories';
  for (const [i, category] of base.categories.entries()) {
    const next = proposed.categories[i];
    if (!next || next.status !== category.status) return `rules.categories[${i}].status`;
    if (next.criteria.length !== category.criteria.length) return `rules.categories[${i}].criteria`;
    for (const [j, criterion] of category.criteria.entries()) {
      const other = next.criteria[j];
      const at = `rules.categories[${i}].criteria[${j}]`;
      if (!other || other.id !== criterion.id) return `${at}.id`;
      if (other.labelVi !== criterion.labelVi) return `${at}.labelVi`;
      if (other.labelEn !== criterion.labelEn) return `${at}.labelEn`;
      if (JSON.stringify(other.measure) !== JSON.stringify(criterion.measure)) return `${at}.measure`;
    }
  }
  return null;
}

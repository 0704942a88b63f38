import type { PublicNumber } from '@pcmt/domain/contracts/public';

/**
 * Small-number suppression (health and crime data are sensitive personal data under Law 91/2025/QH15 on
 * personal data protection and Decree 356/2025/NĐ-CP): a count below `minCount` is published as "< minCount",
 * never as the number, so no one can single out the few people behind it.
 */
export function publishCount(value: number, minCount: number): PublicNumber {
  return value < minCount
    ? { suppressed: true, value: null, display: `< ${minCount}` }
    : { suppressed: false, value };
}

/**
 * A rate is published only when the count it divides is publishable: with the denominator (e.g. population)
 * known, a rate would give the small numerator back.
 */
export function publishRate(rate: number, numerator: number, minCount: number): PublicNumber {
  return numerator < minCount
    ? { suppressed: true, value: null, display: `< ${minCount}` }
    : { suppressed: false, value: rate };
}

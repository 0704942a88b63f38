/**
 * SQL fragments shared by repositories. Kept as strings so both engines run the same text.
 */

/** `alias` is valid on the date in parameter `$n` (valid_from ≤ d < valid_to). */
export const validAt = (alias: string, param: string) =>
  `(${alias}.valid_from <= ${param}::date and (${alias}.valid_to is null or ${alias}.valid_to > ${param}::date))`;

/** Today's date in the server's time zone (Vietnam runs on UTC+7; dates are calendar dates). */
export function today(now: Date = new Date()): string {
  const vn = new Date(now.getTime() + 7 * 3600_000);
  return vn.toISOString().slice(0, 10);
}

import { todayInVietnam } from '@pcmt/domain/format';

/**
 * SQL fragments shared by repositories. Kept as strings so both engines run the same text.
 */

/** `alias` is valid on the date in parameter `$n` (valid_from ≤ d < valid_to). */
export const validAt = (alias: string, param: string) =>
  `(${alias}.valid_from <= ${param}::date and (${alias}.valid_to is null or ${alias}.valid_to > ${param}::date))`;

/** Today's date in Vietnam (UTC+7; dates are calendar dates), the same rule the web uses. */
export const today = (now: Date = new Date()): string => todayInVietnam(now);

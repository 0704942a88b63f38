/**
 * The version valid on `at`: the latest change date on or before it (ISO dates compare as strings), or null
 * before the first unit of the level existed.
 */
export function versionAt(dates: readonly string[], at: string): string | null {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((dates[mid] ?? '') <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : (dates[lo - 1] ?? null);
}

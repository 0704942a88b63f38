const PROVINCE = /^\d{2}$/;

/**
 * Where a signed-in officer's import starts: their own area (a province officer's province, else their
 * first commune); null (the whole country) only for national accounts.
 */
export function ownScope(jurisdiction: readonly string[] | undefined): string | null {
  if (!jurisdiction || jurisdiction.length === 0 || jurisdiction.includes('VN')) return null;
  return jurisdiction.find((c) => PROVINCE.test(c)) ?? jurisdiction[0] ?? null;
}

/** The units an officer may choose as scope: those of their jurisdiction (null = any). */
export const scopeChoices = (jurisdiction: readonly string[] | undefined): readonly string[] | null =>
  !jurisdiction || jurisdiction.includes('VN') ? null : jurisdiction;

/**
 * Unit names reduced for matching typed text: no diacritics, đ → d, lower case, punctuation as spaces,
 * single spaces ("Bà Rịa - Vũng Tàu" → "ba ria vung tau"). Shared by the loader (admin_units.search_name)
 * and the web app's search so both normalise alike.
 */
export function searchName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

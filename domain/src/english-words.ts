/**
 * What the Vietnamese product must never show, on a page or in anything it produces (PDF packs, the patrol
 * sheet, PNG maps, workbooks): English words and messages it has leaked before, and raw codes. One list, read
 * by the e2e language check of every page and by the checks of the exports.
 */

/**
 * English the product has shown: words of loading, errors, forms and JavaScript values, and the words of its
 * old English messages and printouts (the data-source line, page numbers, legends, patrol warnings).
 */
export const ENGLISH =
  /\b(Loading|Error|Submit|undefined|NaN|null|Invalid|Cancel|Save|Delete|Close|Search|Required|Page|Legend|Source|Scale|Period|Province|Commune|Total|synthetic|generator|jurisdiction|cannot|without a visit|more than|has no values|not found|Forbidden)\b/;

/** A raw code: two or more snake_case words (indicator codes, enum values). */
export const RAW_CODE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/;

/** The lines of `text` with an English word, or a raw code unless codes are the content (`codesShown`). */
export function englishLines(text: string, opts: { codesShown?: boolean } = {}): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => ENGLISH.test(l) || (!opts.codesShown && RAW_CODE.test(l)));
}

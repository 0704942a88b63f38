import { problemText } from './import-problem';

/**
 * Vietnamese text typed before Unicode (TCVN3/ABC with .VnTime fonts, VNI-Windows with VNI-Times fonts) is
 * still common in provincial spreadsheets and shapefile attribute tables. Its bytes are valid Latin-1, so it
 * decodes without an error into gibberish such as "Hµ Néi" (TCVN3) or "Haø Noäi" (VNI) that would silently
 * fail every unit-name match. We detect it and refuse the file with a message telling how to convert it:
 * a conversion table per legacy font family is easy to get subtly wrong, and the converters users already
 * have (Unikey's "Chuyển mã") fix the whole file at once.
 */
export type LegacyEncoding = 'TCVN3' | 'VNI';

/** Letters only Vietnamese Unicode text has: ă đ ơ ư, the precomposed tone letters, combining tone marks. */
const VIETNAMESE_UNICODE = /[ĂăĐđƠơƯư\u1EA0-\u1EF9]|[\u0300-\u0303\u0309\u0323]/;

/** Latin-1 characters TCVN3 uses for Vietnamese letters and no Vietnamese Unicode text contains. */
const TCVN3_CHARS = /[\u00adµ¶·¸¹¨©ª«¬®»¼½¾ÆÇËÌÎÏÖ×ØÜÞßæçëîïñö÷øûüþ]/g;

/** VNI writes a base letter followed by a mark character: "aø" = à, "oä" = ộ; đ is "ñ", ư is "ö". */
const VNI_PATTERN = /[aeiouyAEIOUY][øùûõïäåëüæ]|[ñÑöÖ]/g;

/** Which legacy encoding a text looks like it was typed in, or null when it looks like Unicode or plain ASCII. */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (VIETNAMESE_UNICODE.test(text)) return null;
  const vni = text.match(VNI_PATTERN)?.length ?? 0;
  const tcvn3 = text.match(TCVN3_CHARS)?.length ?? 0;
  if (vni === 0 && tcvn3 === 0) return null;
  return vni >= tcvn3 ? 'VNI' : 'TCVN3';
}

export function legacyEncodingMessage(encoding: LegacyEncoding, sample: string): string {
  return problemText('import.legacy_encoding', {
    sample: sample.slice(0, 40),
    encoding,
    from: encoding === 'TCVN3' ? 'TCVN3 (ABC)' : 'VNI Windows',
  });
}

/**
 * Decodes a text file (CSV, KML, DBF strings): UTF-8 (with or without BOM) when the bytes are valid UTF-8,
 * otherwise Windows-1258, the code page Excel on Vietnamese Windows saves CSV in. TCVN3 and VNI bytes are
 * not UTF-8 either; they are recognised on the text and reported by the caller.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1258' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Legacy fonts map Vietnamese letters onto Latin-1 code points: look at the bytes as Latin-1 first,
    // so "Hµ Néi" is seen as typed rather than as Windows-1258 combining marks.
    const latin1 = new TextDecoder('windows-1252').decode(bytes);
    if (detectLegacyEncoding(latin1)) return { text: latin1, encoding: 'windows-1258' };
    return { text: new TextDecoder('windows-1258').decode(bytes).normalize('NFC'), encoding: 'windows-1258' };
  }
}

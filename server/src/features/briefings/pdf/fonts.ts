import { createRequire } from 'node:module';

/**
 * Be Vietnam Pro (SIL Open Font License), a typeface drawn for Vietnamese: every precomposed letter with
 * its diacritics (ạ ằ ẩ ệ ộ ữ …) is a glyph of its own, so marks never collide or fall back to another
 * font. Resolved through the package, not a path relative to the working directory; pdfkit embeds only
 * the glyphs a document uses.
 */
const require = createRequire(import.meta.url);

export const FONT_REGULAR = require.resolve(
  '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
);
export const FONT_BOLD = require.resolve(
  '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
);

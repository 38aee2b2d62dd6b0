/**
 * The Chinese font of the documents: Noto Serif SC (思源宋体, a 宋体 like the printed templates), Regular and Bold, from
 * the npm package @expo-google-fonts/noto-serif-sc (SIL Open Font License 1.1; the TrueType files Google Fonts
 * publishes). pdfkit embeds a subset of the glyphs each document uses, so a PDF prints the same everywhere.
 *
 * The files are resolved through the package, never through a system font directory: a machine without any font
 * (no fontconfig, no fonts-noto-cjk) renders the same bytes. `test/core/documents/fonts.test.ts` checks that.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const FONT_PACKAGE = '@expo-google-fonts/noto-serif-sc';

export const FONT_FILES = {
  regular: `${FONT_PACKAGE}/400Regular/NotoSerifSC_400Regular.ttf`,
  bold: `${FONT_PACKAGE}/700Bold/NotoSerifSC_700Bold.ttf`,
} as const;

export interface DocumentFonts {
  regular: Buffer;
  bold: Buffer;
  /** where they were read from (inside node_modules) */
  paths: { regular: string; bold: string };
}

let cached: DocumentFonts | null = null;

/** Reads the two font files once per process (each ~15 MB; fontkit parses them lazily). */
export function documentFonts(): DocumentFonts {
  if (cached) return cached;
  const regular = require.resolve(FONT_FILES.regular);
  const bold = require.resolve(FONT_FILES.bold);
  cached = { regular: readFileSync(regular), bold: readFileSync(bold), paths: { regular, bold } };
  return cached;
}

import { readFile } from 'node:fs/promises';

/**
 * Invoice PDFs are printed in Noto Sans SC (OFL), shipped as TrueType files inside an npm
 * package, so a fresh install renders Chinese names without any system font. Latin, digits and
 * the common currency signs are covered by the same face.
 */
export const CJK_FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';

const FILES = {
  regular: '400Regular/NotoSansSC_400Regular.ttf',
  bold: '700Bold/NotoSansSC_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof FILES;

export class FontMissingError extends Error {}

const cache = new Map<FontWeight, Promise<Buffer>>();

/** The font file's bytes, read once per process (each file is ~10 MB; PDFs embed a subset). */
export function cjkFont(weight: FontWeight): Promise<Buffer> {
  let font = cache.get(weight);
  if (!font) {
    font = load(weight);
    cache.set(weight, font);
    font.catch(() => cache.delete(weight));
  }
  return font;
}

async function load(weight: FontWeight): Promise<Buffer> {
  let path: string;
  try {
    path = require.resolve(`${CJK_FONT_PACKAGE}/${FILES[weight]}`);
  } catch {
    throw new FontMissingError(
      `The font for invoice PDFs is missing: the npm package ${CJK_FONT_PACKAGE} must be installed (run pnpm install)`,
    );
  }
  return readFile(path);
}

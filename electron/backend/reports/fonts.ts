import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// The CJK font the app ships: Noto Sans SC Regular from the npm package @expo-google-fonts/noto-sans-sc
// (Google Fonts' build, SIL Open Font License 1.1: free to bundle and embed; the licence travels in
// the package as LICENSE_FONT). It is the TrueType-outline (glyf) build: Chromium's PDF backend (Skia)
// embeds glyf fonts as real CID TrueType fonts, while the system's Noto Sans CJK (CFF outlines in an
// OTF/TTC) comes out as unnamed Type 3 glyph procedures. So the PDF names its font and looks the same
// on every machine, and charts rasterised with resvg use the same face.

export const SHIPPED_CJK_FAMILY = 'RWB Noto Sans SC';
const FONT = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

let path: string | null | undefined;
let dataUrl: string | null | undefined;

/** The font file's path, or null when the package is missing (then system fonts are used, as before). */
export function shippedCjkFontPath(): string | null {
  if (path !== undefined) return path;
  try {
    path = createRequire(import.meta.url).resolve(FONT);
  } catch {
    path = null;
  }
  return path;
}

/** The @font-face rule for the print HTML (a data URL: the page loads nothing from disk or network). */
export function shippedCjkFontFace(): string | null {
  if (dataUrl === undefined) {
    const p = shippedCjkFontPath();
    dataUrl = p ? `data:font/ttf;base64,${readFileSync(p).toString('base64')}` : null;
  }
  return dataUrl ? `@font-face { font-family: '${SHIPPED_CJK_FAMILY}'; src: url(${dataUrl}) format('truetype'); font-weight: 100 900; }` : null;
}

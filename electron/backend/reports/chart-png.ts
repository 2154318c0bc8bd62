import { openChromium } from './chromium';
import type { ChartSize } from './chart-svg';
import { shippedCjkFontPath } from './fonts';

// PNG is needed only for charts as images in the XLSX (Excel shows no SVG written by exceljs). Two
// ways behind one small interface: @resvg/resvg-js when installed (fast, no browser; it is not in
// package.json yet), else the same headless Chromium that prints the PDF.

export interface PngRasteriser {
  /** PNG bytes of the SVG drawn at `scale` × size (2 keeps charts crisp when Excel zooms). */
  rasterise(svg: string, size: ChartSize): Promise<Buffer>;
  close(): Promise<void>;
}

interface ResvgModule {
  Resvg: new (
    svg: string,
    options?: {
      fitTo?: { mode: 'zoom'; value: number };
      font?: { loadSystemFonts?: boolean; fontFiles?: string[]; defaultFontFamily?: string; sansSerifFamily?: string };
    },
  ) => { render(): { asPng(): Buffer } };
}

/** A resvg rasteriser, or null when @resvg/resvg-js is not installed. */
export async function loadResvgRasteriser(scale = 2): Promise<PngRasteriser | null> {
  // A variable specifier keeps TypeScript and the bundler from requiring the optional package.
  const specifier = '@resvg/resvg-js';
  let mod: ResvgModule;
  try {
    mod = (await import(/* @vite-ignore */ specifier)) as ResvgModule;
  } catch {
    return null;
  }
  const shipped = shippedCjkFontPath();
  return {
    rasterise: (svg) =>
      Promise.resolve(
        new mod.Resvg(svg, {
          fitTo: { mode: 'zoom', value: scale },
          // The font the app ships (fonts.ts) when present: the same face on every machine, and one
          // 10 MB file to load instead of every system font (about three times faster per chart).
          font: shipped
            ? { loadSystemFonts: false, fontFiles: [shipped], defaultFontFamily: 'Noto Sans SC', sansSerifFamily: 'Noto Sans SC' }
            : { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
        })
          .render()
          .asPng(),
      ),
    close: () => Promise.resolve(),
  };
}

/** Screenshots the SVG in headless Chromium; throws CHROMIUM_NOT_FOUND when there is none. */
export async function createChromiumRasteriser(options: { executablePath?: string; scale?: number } = {}): Promise<PngRasteriser> {
  const session = await openChromium({
    ...(options.executablePath ? { executablePath: options.executablePath } : {}),
    deviceScaleFactor: options.scale ?? 2,
  });
  return {
    async rasterise(svg, size) {
      const page = await session.context.newPage();
      try {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
        await page.evaluate('document.fonts.ready.then(() => true)');
        return await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: size.width, height: size.height } });
      } finally {
        await page.close();
      }
    },
    close: () => session.close(),
  };
}

/** resvg when available, else Chromium. */
export async function createPngRasteriser(options: { executablePath?: string; scale?: number } = {}): Promise<PngRasteriser> {
  return (await loadResvgRasteriser(options.scale ?? 2)) ?? createChromiumRasteriser(options);
}

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The resources/ folder (checklist templates, demo data, report assets). Found by walking up from
 * this module, because it runs from source (tsx, tests), from out/ (electron-vite bundle) and from
 * a packaged app; RWB_RESOURCES overrides.
 */
export function resourcesDir(): string {
  if (process.env.RWB_RESOURCES) return resolve(process.env.RWB_RESOURCES);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'resources', 'demo'))) return join(dir, 'resources');
    dir = dirname(dir);
  }
  throw new Error('resources/ folder not found; set RWB_RESOURCES');
}

/** The project root (holds package.json and out/renderer) for hosts that serve the built UI. */
export function appRootDir(): string {
  return dirname(resourcesDir());
}

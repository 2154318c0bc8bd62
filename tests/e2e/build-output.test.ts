import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY_META } from '../../shared/security';

// What electron-vite built (npm test builds before the e2e project): the Electron-only entries we
// cannot launch here are at least checked for the properties the window's security depends on.
const out = join(import.meta.dirname, '../../out');

describe('electron-vite build output', () => {
  it('bundles the sandboxed preload as one CommonJS file that requires nothing but electron', () => {
    const preload = readFileSync(join(out, 'preload/index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld');
  });

  it('builds main with a hardened window and the bundled CLI beside it', () => {
    const files = readdirSync(join(out, 'main'));
    expect(files).toEqual(expect.arrayContaining(['index.js', 'cli.js']));
    const main = files
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(out, 'main', f), 'utf8'))
      .join('\n');
    expect(main).toMatch(/contextIsolation:\s*true/);
    expect(main).toMatch(/sandbox:\s*true/);
    expect(main).toMatch(/nodeIntegration:\s*false/);
    expect(main).toContain('setWindowOpenHandler');
    expect(main).toContain('setPermissionRequestHandler');
  });

  it('builds the renderer entry with its CSP in a meta tag (a file:// page gets no header)', () => {
    const html = readFileSync(join(out, 'renderer/index.html'), 'utf8');
    expect(html).toContain('<div id="root">');
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
    // The build writes the policy's quotes as HTML entities; the browser reads them back as quotes.
    expect(meta?.[1]?.replace(/&#39;/g, "'")).toBe(CONTENT_SECURITY_POLICY_META);
    expect(meta?.[1]).toContain('script-src &#39;self&#39;');
  });

  it('guards every web contents in main: navigation, redirects, webviews and new windows', () => {
    const main = readdirSync(join(out, 'main'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(out, 'main', f), 'utf8'))
      .join('\n');
    for (const hook of ['web-contents-created', 'will-navigate', 'will-redirect', 'will-attach-webview']) expect(main).toContain(hook);
  });
});

// Screenshots of the workbench for a person to look at: `npx tsx scripts/screenshots.ts OUT_DIR [routes...]`.
// Starts browser mode with a fresh demo engagement and captures each route in Chinese and English.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, openBrowser } from '../tests/helpers/browser';

const out = process.argv[2] ?? '/tmp/rwb-shots';
const routes = process.argv.slice(3);
mkdirSync(out, { recursive: true });

const app = await serve();
const b = await openBrowser();
const api = async (channel: string, body: unknown) => {
  const res = await fetch(`${app.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-workbench-token': app.token },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
};
try {
  for (const locale of ['zh-CN', 'en'] as const) {
    await api('app.setLocale', { locale });
    await api('engagement.close', {});
    await b.page.goto(app.url);
    await b.page.waitForTimeout(400);
    await b.page.screenshot({ path: join(out, `home-empty-${locale}.png`) });
    const demo = await api('engagement.createDemo', { path: join(app.docs, `demo-${locale}.rwb`) });
    if (!demo.ok) throw new Error(JSON.stringify(demo.error));
    await api('engagement.close', {});
    await b.page.goto(`${app.origin}/#/`);
    await b.page.waitForTimeout(400);
    await b.page.screenshot({ path: join(out, `home-${locale}.png`) });
    await api('engagement.open', { path: join(app.docs, `demo-${locale}.rwb`) });
    for (const route of routes.length ? routes : ['overview']) {
      await b.page.goto(`${app.origin}/#/e/${route}`);
      await b.page.reload();
      await b.page.waitForTimeout(1500);
      await b.page.screenshot({ path: join(out, `${route}-${locale}.png`), fullPage: true });
    }
  }
  console.log(`screenshots in ${out}`);
} finally {
  await b.close();
  await app.stop();
}

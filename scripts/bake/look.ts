/**
 * `tsx scripts/bake/look.ts <campus> <out.png> [fromX,fromY,fromZ] [toX,toY,toZ] [fov]`: a flat
 * picture of a campus model from any camera, for checking a model while editing it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createServer } from 'vite';
import { campusModel } from '../../src/content/campusModel';
import { launchBrowser } from '../../lib/chromium';

const [campus = 'yubei', out = 'look.png', from = '0,400,600', to = '0,0,0', fov = '50'] = process.argv.slice(2);
const root = process.cwd();
const model = campusModel.parse(JSON.parse(readFileSync(path.join(root, 'assets/models', `${campus}.json`), 'utf8')));
const server = await createServer({ root, configFile: false, logLevel: 'warn', server: { host: '127.0.0.1', port: 0, hmr: false, watch: null }, optimizeDeps: { entries: ['scripts/bake/index.html'], include: ['three'] } });
await server.listen();
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(e.message));
  await page.goto(`${server.resolvedUrls!.local[0]}scripts/bake/index.html`);
  await page.waitForFunction(() => window.bakeReady === true, undefined, { timeout: 120_000 });
  const vec = (s: string) => s.split(',').map(Number) as [number, number, number];
  const url = await page.evaluate((r) => window.lookAt!(r), { model, modelKey: 'look', from: vec(from), to: vec(to), width: 1600, height: 900, fov: Number(fov) });
  writeFileSync(out, Buffer.from(url.split(',')[1]!, 'base64'));
  console.log(out);
} finally {
  await browser.close();
  await server.close();
}

import { launchBrowser, openPage, waitForPanorama } from './browser';
const [base, out, ...paths] = process.argv.slice(2);
const browser = await launchBrowser();
const page = await openPage(browser);
let i = 0;
for (const p of paths) { await page.goto(`${base}/en/${p}`); await waitForPanorama(page, 'full'); await page.locator('.pano').screenshot({ path: `${out}-${i++}.png` }); }
await browser.close();

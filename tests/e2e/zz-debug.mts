import { launchBrowser, openPage, waitForPanorama } from './browser';
const browser = await launchBrowser();
const page = await openPage(browser);
await page.goto('http://127.0.0.1:4391/en/yubei/mechanical-workshop?yaw=-60&pitch=-8&fov=90');
await waitForPanorama(page, 'full');
console.log(await page.evaluate(() => {
  const b = document.querySelector('[data-hotspot-id="machine-tools"]')!;
  const r = b.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return { r: [r.left, r.top, r.width, r.height], inert: (b.parentElement as HTMLElement).inert, hit: hit?.outerHTML.slice(0, 200), vh: innerHeight };
}));
await browser.close();

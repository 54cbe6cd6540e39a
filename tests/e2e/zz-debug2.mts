import { launchBrowser, openPage } from './browser';
import yubei from '../../assets/content/campuses/yubei.json';
const browser = await launchBrowser();
const page = await openPage(browser);
for (const s of yubei.stops.slice(0, 3)) {
  await page.goto(`http://127.0.0.1:4391/en/yubei/${s.id}`);
  await page.locator('.pano[role=region]').waitFor();
  for (const h of s.hotspots) {
    await page.evaluate((v) => (window as any).__visitStore.getState().setView(v), { yaw: h.yaw, pitch: h.pitch, fov: 90 });
    await page.waitForTimeout(300);
    console.log(s.id, h.id, await page.evaluate((id) => {
      const b = document.querySelector(`[data-hotspot-id="${id}"]`) as HTMLElement | null;
      if (!b) return 'absent';
      const r = b.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return `${(b.parentElement as HTMLElement).inert} ${Math.round(r.left)},${Math.round(r.top)} hit=${hit?.tagName}.${hit?.className}`;
    }, h.id));
  }
}
await browser.close();

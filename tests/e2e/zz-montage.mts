import sharp from 'sharp';
const [out, ...files] = process.argv.slice(2);
const imgs = await Promise.all(files.map(async (f) => { const m = await sharp(f).metadata(); return { f, w: m.width!, h: m.height! }; }));
const scale = Number(process.env.SCALE ?? 3);
const W = imgs.reduce((s, i) => s + i.w * scale + 10, 0);
const H = Math.max(...imgs.map((i) => i.h * scale));
let x = 0;
const comps = [];
for (const i of imgs) { comps.push({ input: await sharp(i.f).resize(i.w * scale, i.h * scale, { kernel: 'nearest' }).toBuffer(), left: x, top: 0 }); x += i.w * scale + 10; }
await sharp({ create: { width: W, height: H, channels: 3, background: '#888' } }).composite(comps).png().toFile(out!);

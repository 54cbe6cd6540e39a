import sharp from 'sharp';
for (const f of process.argv.slice(2)) { const s = await sharp(f).stats(); console.log(f.split('/').pop(), s.channels.slice(0,3).map(c=>c.mean.toFixed(0)).join(',')); }

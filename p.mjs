import { pinyin } from 'pinyin-pro';
import fs from 'node:fs';
const files = ['assets/content/college.json','assets/content/tours.json','assets/content/campuses/yubei.json','assets/content/campuses/nanchuan.json'];
const L = [...'重行长乐还得地着了处'];
const ctx = new Map();
let texts=0;
function walk(v){ if (Array.isArray(v)) v.forEach(walk); else if (v && typeof v==='object'){ if (typeof v.zh==='string'){texts++; const t=v.zh; const all=pinyin(t,{type:'all'}); all.forEach((c,i)=>{ if(L.includes(c.origin)&&c.polyphonic.length>1){ const k=t.slice(Math.max(0,i-2),i+3); const key=c.origin+' '+c.pinyin+' '+t.slice(Math.max(0,i-1),i+2); ctx.set(key,(ctx.get(key)||0)+1);} }); } Object.values(v).forEach(walk);} }
for (const f of files) walk(JSON.parse(fs.readFileSync(f,'utf8')));
const zh = JSON.parse(fs.readFileSync('src/i18n/zh.json','utf8'));
console.log(texts, ctx.size); console.log([...ctx].sort().map(([k,n])=>k+' x'+n).join('\n'));

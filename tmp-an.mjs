import { build } from 'vite';
import { gzipSync } from 'node:zlib';
const r = await build({ mode: 'bundle', logLevel: 'silent', build: { write: false, minify: false, rolldownOptions: { output: { minify: false } } } });
const out = (Array.isArray(r) ? r[0] : r).output;
const entry = out.find((o) => o.fileName === 'license-checkout.js');
const code = entry.code;
const re = /^\/\/ ((?:node_modules|src)\/.*)$/mg; let m; const idx=[];
while((m=re.exec(code))) idx.push([m.index,m[1]]);
idx.push([code.length,'end']);
const rows=[];
for (let i=0;i<idx.length-1;i++){ const p=code.slice(idx[i][0], idx[i+1][0]); rows.push([p.length, idx[i][1]]); }
const groups = {};
for (const [n, name] of rows) { const g = name.startsWith('node_modules') ? name.split('/').slice(1, name.includes('@')?3:2).join('/') : name; groups[g]=(groups[g]??0)+n; }
console.log(Object.entries(groups).sort((a,b)=>b[1]-a[1]).map(([g,n])=>`${String(n).padStart(7)} ${g}`).join('\n'));
console.log(out.length, code.length, code.slice(0,200));

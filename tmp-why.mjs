import { build } from 'vite';
const targets = process.argv.slice(2);
await build({ mode: 'bundle', logLevel: 'silent', build: { write: false }, plugins: [{ name: 'why', generateBundle() {
  for (const id of this.getModuleIds()) {
    if (!targets.some((t) => id.includes(t))) continue;
    const info = this.getModuleInfo(id);
    console.log(id.replace(process.cwd(), ''), '<=', info.importers.map((i) => i.replace(process.cwd(), '')).join(', '), '| dyn:', info.dynamicImporters.map((i) => i.replace(process.cwd(), '')).join(', '));
  }
} }] });

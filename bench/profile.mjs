// `node bench/profile.mjs [a|b|c]`: CPU profile (CDP, 100 µs sampling) of the widget side of
// one rendering figure of bench/run.mjs ((b), the 1,000-line quantity update, by default), on
// the built dist/license-checkout.js (run `npm run build` first). Prints the median times of
// both sides as the bench measures them, the top functions by self time, and writes the
// profile to node_modules/.cache/license-checkout-bench/<figure>.cpuprofile (open it in
// Chrome DevTools, Performance panel).
//
// `node bench/profile.mjs a --cpu` also prints (a) in the renderer's thread time, from a trace:
// for each run, the CPU time of the task that holds it, from the task's start to the end of the
// forced layout that ends the timing, and the layout and style within it. Time the thread did not
// run (other processes on a shared machine) is left out, so two builds compare within a few
// percent where the wall-clock medians differ by more from one run to the next. A measuring aid
// only: the bench's figures are the wall-clock ones.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';
import { root } from '../scripts/size.mjs';
import { startServer } from './server.mjs';

const figure = process.argv[2] ?? 'b';
const runs = Number(process.env.BENCH_RUNS) || 30;
const calls = {
  a: { widget: () => bench.firstRender('widget'), vanilla: () => bench.firstRender('vanilla'), repeat: true },
  b: { widget: (n) => bench.bigUpdate('widget', n), vanilla: (n) => bench.bigUpdate('vanilla', n) },
  c: { widget: () => bench.stepChange(), vanilla: () => bench.stepChangeVanilla(), repeat: true },
}[figure];
if (!calls) throw new Error(`unknown figure ${figure}: a, b or c`);

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const server = await startServer();
const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: [...chromiumArgs, '--window-size=1024,768'] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 768 });
  page.on('pageerror', (e) => console.error('page error', e.message));
  await page.goto(`${server.origin}/bench/pages/bench.html`);
  await page.waitForFunction(() => window.bench !== undefined);
  const mock = await server.createMock({ speed: 60 });
  await page.evaluate((base) => bench.setup(base), mock.baseUrl);
  const sample = async (side, n) => {
    if (!calls.repeat) return (await page.evaluate(calls[side], n + 2)).slice(2);
    const out = [];
    for (let i = 0; i < n; i++) out.push(await page.evaluate(calls[side]));
    return out;
  };
  await sample('widget', 3);
  await sample('vanilla', 3);
  const w = await sample('widget', runs);
  const v = await sample('vanilla', runs);
  const mw = median(w.map((x) => x.ms));
  const mv = median(v.map((x) => x.ms));
  console.log(`(${figure}) widget ${mw.toFixed(2)} ms, vanilla ${mv.toFixed(2)} ms, ratio ${(mw / mv).toFixed(2)} ×; widget runs that yielded a task: ${w.filter((x) => x.tasks).length}/${w.length}`);

  if (figure === 'a' && process.argv.includes('--cpu')) {
    const thread = {};
    for (const side of ['widget', 'vanilla']) {
      await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack'] });
      await sample(side, runs);
      const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents;
      // The forced layout at the end of each timed run: lib.js's layout() called from firstRender.
      const ends = events.filter((e) => e.name === 'Layout' && e.ph === 'X' && (e.args?.beginData?.stackTrace ?? []).some((f) => f.functionName === 'firstRender'));
      const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.tid === ends[0]?.tid);
      // Per task, its last such layout (a style change during layout can make Chromium lay out twice).
      const lastEnd = new Map();
      for (const end of ends) {
        const task = tasks.find((t) => t.ts <= end.ts && end.ts + end.dur <= t.ts + t.dur);
        if (task && !(lastEnd.get(task)?.ts > end.ts)) lastEnd.set(task, end);
      }
      const rows = [];
      for (const [task, end] of lastEnd) {
        const inside = events.filter((e) => e.tid === task.tid && e.ph === 'X' && e.ts >= task.ts && e.ts + e.dur <= end.ts + end.dur);
        const sum = (name) => inside.filter((e) => e.name === name).reduce((total, e) => total + (e.tdur ?? 0), 0) / 1000;
        rows.push({ cpu: (end.tts + end.tdur - task.tts) / 1000, layout: sum('Layout'), style: sum('UpdateLayoutTree') });
      }
      const m = (f) => median(rows.map(f));
      thread[side] = m((r) => r.cpu);
      console.log(`(a) ${side} thread time: ${m((r) => r.cpu).toFixed(2)} ms (layout ${m((r) => r.layout).toFixed(2)}, style ${m((r) => r.style).toFixed(2)}, the rest ${m((r) => r.cpu - r.layout - r.style).toFixed(2)}), n=${rows.length}`);
    }
    console.log(`(a) thread time ratio ${(thread.widget / thread.vanilla).toFixed(2)} ×`);
  }

  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  let profile;
  if (calls.repeat) {
    await cdp.send('Profiler.start');
    await sample('widget', runs);
    ({ profile } = await cdp.send('Profiler.stop'));
  } else {
    // Only the timed loop: lib.js brackets it with console.profile() when asked to.
    const finished = new Promise((resolve) => cdp.once('Profiler.consoleProfileFinished', (e) => resolve(e.profile)));
    await page.evaluate((n) => bench.bigUpdate('widget', n, { profile: true }), runs);
    profile = await finished;
  }
  const dir = join(root, 'node_modules', '.cache', 'license-checkout-bench');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${figure}.cpuprofile`), JSON.stringify(profile));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const { columnNumber } = nodes.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}` : ''}`;
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  console.log(`profile of the widget side${calls.repeat ? ' (setup included)' : ' (timed loop only)'}: ${(total / 1000).toFixed(0)} ms; top self time:`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(us / 1000).toFixed(1).padStart(9)} ms  ${key}`);
} finally {
  await browser.close();
  await server.close();
}

// `npm run bench`: builds, measures size, rendering, network and memory, prints a table and
// writes bench/results.json. Times are medians of ≥30 runs (with min and max), given as ratios
// to a reference measured in the same run; nothing here is hard-coded, everything is measured.
// A figure that cannot be measured (an element not there yet) is reported as "not measured: why".
import { execSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';
import { root } from '../scripts/size.mjs';
import { measureSizes } from './size.mjs';
import { measureBudgets } from './budgets.mjs';
import { startServer } from './server.mjs';

const RUNS = Number(process.env.BENCH_RUNS) || 30;
/** Simulated time runs this many times faster than real time (mock and page timers alike). */
const SPEED = 60;
const started = Date.now();
const log = (msg) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(1)} s] ${msg}`);
const notMeasured = (why) => ({ notMeasured: why });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function stats(values, unit = 'ms') {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median: round(median, 3), min: round(sorted[0], 3), max: round(sorted.at(-1), 3), runs: sorted.length, unit };
}
/**
 * Stats of timed runs `{ ms, tasks }` from bench/pages/lib.js, with how many runs had to yield
 * a task (a rendering frame could then fall inside that run's time; 0 expected).
 */
function timed(samples) {
  return { ...stats(samples.map((s) => s.ms)), runsThatYieldedTasks: samples.filter((s) => s.tasks > 0).length };
}
/** What every rendering time covers, on both sides (see the comment at the top of bench/pages/lib.js). */
const TIMING_METHOD =
  'performance.now() in the page, from the action until its result is in the DOM, then a forced synchronous style + layout (getBoundingClientRect / offsetHeight), within one task on both sides: the widget is awaited through microtasks (its elements\' updateComplete), the reference is synchronous. Paint is excluded on both sides; style and layout are included on both.';
const round = (n, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const ratio = (a, b) => ({ value: round(a.median / b.median, 2), unit: '× (median / reference median)' });

async function guarded(name, fn) {
  try {
    return await fn();
  } catch (error) {
    log(`${name}: ${error.message}`);
    return notMeasured(`${name} failed: ${error.message.split('\n')[0]}`);
  }
}

// ---------------------------------------------------------------------------------------
if (!process.argv.includes('--no-build')) {
  log('npm run build');
  execSync('npm run --silent build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
const results = { generatedAt: new Date().toISOString(), machine: { cpus: (await import('node:os')).cpus().length, node: process.version } };

log('size');
results.size = await measureSizes(log);
log('budgets');
results.budgets = await measureBudgets(log);

const server = await startServer();
const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  args: [...chromiumArgs, '--js-flags=--expose-gc', '--window-size=1024,768'],
});
results.machine.chromium = await browser.version();
const bundle = process.env.BENCH_BUNDLE ?? '/dist/license-checkout.js';

async function openPage() {
  const page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 768 });
  page.on('pageerror', (error) => log(`page error: ${error.message.split('\n')[0]}`));
  await page.goto(`${server.origin}/bench/pages/bench.html?bundle=${encodeURIComponent(bundle)}`);
  await page.waitForFunction(() => window.bench !== undefined, { timeout: 20000 });
  return page;
}

/**
 * What a product page and the checkout page transfer, from their network log (Resource Timing in
 * the page, bench/pages/transfer.js): script bodies as received, gzip -9 from the bench server.
 */
async function measureTransfer() {
  const mock = await server.createMock({});
  const catalog = await (await fetch(`${mock.baseUrl}/catalog`)).json();
  const ids = catalog.products.slice(0, 8).map((p) => p.id);
  if (ids.length < 8) throw new Error(`the mock has ${ids.length} products, not 8`);
  const open = async (file) => {
    const p = await browser.newPage();
    p.on('pageerror', (error) => log(`${file}: page error: ${error.message.split('\n')[0]}`));
    await p.goto(`${server.origin}/bench/pages/${file}?api=${encodeURIComponent(mock.baseUrl)}&products=${ids.join(',')}`);
    await p.waitForFunction(() => window.transfer !== undefined, { timeout: 20000 });
    const measured = await p.evaluate(() => window.transfer);
    await p.close();
    if (measured.error) throw new Error(`${file}: ${measured.error}`);
    return measured;
  };
  const figure = (what, scripts) => ({
    what,
    bytes: { value: scripts.reduce((n, s) => n + s.transferredBodyBytes, 0), unit: 'bytes of JavaScript received (gzip -9 bodies)' },
    files: scripts.map((s) => ({ path: s.path, bytes: s.transferredBodyBytes })),
    mockBytes: { value: scripts.filter((s) => /mock/i.test(s.path)).reduce((n, s) => n + s.transferredBodyBytes, 0), unit: 'bytes from files of the mock' },
  });
  const catalogCount = async () => (await mock.requests()).filter((r) => r.path === '/catalog').length;
  const before = await catalogCount(); // the bench's own request for the product ids, above
  log('transfer: product page');
  const product = await open('product.html');
  const productCatalog = (await catalogCount()) - before;
  log('transfer: checkout page');
  const checkout = await open('checkout.html');
  const checkoutCatalog = (await catalogCount()) - productCatalog - before;
  return {
    method: 'Resource Timing encodedBodySize of every .js the page fetched (the measuring script left out); the bench server sends scripts gzip -9',
    productPage: { ...figure('8 <lc-add-to-cart>, one <lc-cart-count>, one <lc-price>, until all are usable', product.scripts), usableAtMs: round(product.usableAt, 0) },
    cartInteractive: { ...figure('<lc-checkout> with a stored line, until its Checkout button is enabled', checkout.scripts), usableAtMs: round(checkout.usableAt, 0) },
    allCheckout: figure('the same page once the steps\' file has loaded (idle prefetch): all of the checkout\'s JavaScript', checkout.allScripts),
    catalogRequests: { productPage: productCatalog, checkoutPage: checkoutCatalog, unit: 'GET /catalog requests' },
  };
}

try {
  results.transfer = await guarded('transfer', measureTransfer);
  const page = await openPage();
  const setupMock = await server.createMock({ speed: SPEED });
  const setup = await page.evaluate((base) => bench.setup(base), setupMock.baseUrl);
  // After setup: the steps' elements are defined once their file has loaded.
  const status = await page.evaluate(() => bench.status());
  results.elementsInBundle = status.elements;
  const noCheckout = '<lc-checkout> is not in dist/license-checkout.js (src/index.ts does not import it)';

  // --- Rendering -----------------------------------------------------------------------
  results.rendering = {};
  if (!setup.checkout) {
    results.rendering.firstRender = notMeasured(noCheckout);
    results.rendering.update1000 = notMeasured(noCheckout);
    results.rendering.stepChange = notMeasured(noCheckout);
  } else {
    results.rendering.firstRender = await guarded('first render', async () => {
      log('rendering (a): first render, 10 lines');
      const widget = [];
      const vanilla = [];
      for (let i = 0; i < 5; i++) {
        await page.evaluate(() => bench.firstRender('widget'));
        await page.evaluate(() => bench.firstRender('vanilla'));
      }
      for (let i = 0; i < RUNS + 10; i++) {
        widget.push(await page.evaluate(() => bench.firstRender('widget')));
        vanilla.push(await page.evaluate(() => bench.firstRender('vanilla')));
      }
      const w = timed(widget);
      const v = timed(vanilla);
      return { what: '<lc-checkout>, 10-line cart, from append until lines shown and Checkout enabled, + layout', method: TIMING_METHOD, widget: w, vanilla: v, ratio: ratio(w, v), target: '≤ 2.0 ×' };
    });

    results.rendering.update1000 = await guarded('1,000-line update', async () => {
      log('rendering (b): 1,000-line cart, one quantity change');
      const widget = [];
      const vanilla = [];
      const perBlock = Math.ceil(RUNS / 3) + 2;
      for (let block = 0; block < 3; block++) {
        widget.push(...(await page.evaluate((n) => bench.bigUpdate('widget', n), perBlock)).slice(2));
        vanilla.push(...(await page.evaluate((n) => bench.bigUpdate('vanilla', n), perBlock)).slice(2));
      }
      const w = timed(widget);
      const v = timed(vanilla);
      return { what: 'quantity of line 501 changed (input + change events) until the totals text differs, + layout; totals element and input resolved once, before timing, on both sides', method: TIMING_METHOD, widget: w, vanilla: v, ratio: ratio(w, v), target: '≤ 3.0 ×' };
    });

    results.rendering.stepChange = await guarded('step change', async () => {
      log('rendering (c): customer type → details');
      const widget = [];
      const vanilla = [];
      await page.evaluate(() => bench.stepChange());
      for (let i = 0; i < RUNS; i++) {
        widget.push(await page.evaluate(() => bench.stepChange()));
        vanilla.push(await page.evaluate(() => bench.stepChangeVanilla()));
      }
      const w = timed(widget);
      const v = timed(vanilla);
      return { what: 'Continue on customer type (new customer) until the details form is shown, + layout; reference: the same form swapped in by hand', method: TIMING_METHOD, widget: w, vanilla: v, ratio: ratio(w, v) };
    });
  }

  // --- Memory ---------------------------------------------------------------------------
  results.memory = !setup.checkout
    ? { heap: notMeasured(noCheckout), listeners: notMeasured(noCheckout) }
    : await guarded('memory', async () => {
        log('memory: 100 mount/unmount cycles');
        const cdp = await page.createCDPSession();
        const heap = async () => {
          for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
          return (await cdp.send('Runtime.getHeapUsage')).usedSize;
        };
        const listenersBefore = await page.evaluate(() => bench.listeners());
        await page.evaluate(() => bench.mountCycles(3)); // warm caches (templates, Intl formatters)
        const before = await heap();
        const listenersLeft = await page.evaluate(() => bench.mountCycles(100));
        const after = await heap();
        await cdp.detach();
        return {
          heap: { before: { value: before, unit: 'bytes' }, after: { value: after, unit: 'bytes' }, retained: { value: after - before, unit: 'bytes' }, cycles: 100, method: 'CDP HeapProfiler.collectGarbage ×3, then Runtime.getHeapUsage', target: '< 1 MB' },
          listeners: { left: { value: listenersLeft.length - listenersBefore.length, unit: 'listeners on window/document' }, which: listenersLeft.filter((l) => !listenersBefore.includes(l)), target: '0' },
        };
      });
  if (results.memory.notMeasured) results.memory = { heap: results.memory, listeners: results.memory };
  await page.close();

  // --- Network ----------------------------------------------------------------------------
  results.network = {};
  const status2 = status.elements;
  results.network.typing = !status2.includes('lc-tenant-domain')
    ? notMeasured('<lc-tenant-domain> is not in dist/license-checkout.js')
    : await guarded('typing', async () => {
        log('network (ii): typing a 12-character prefix at 8 characters a second');
        const p = await openPage();
        const mock = await server.createMock({ speed: SPEED, latencyMs: 150 });
        await p.evaluate(() => bench.setup(location.origin + '/api'));
        await p.evaluate((base) => bench.mountTenantDomain(base), mock.baseUrl);
        const prefix = 'northwind365';
        await p.keyboard.type(prefix, { delay: 125 });
        await sleep(2000); // the debounce and the last answer
        const requests = (await mock.requests()).filter((r) => r.path.startsWith('/domains/'));
        const fetches = await p.evaluate(() => bench.fetchLog('/domains/'));
        await p.close();
        return {
          typed: { value: prefix.length, unit: 'characters' },
          rate: { value: 8, unit: 'characters/s' },
          requestsReceived: { value: requests.length, unit: 'requests (mock log)', paths: requests.map((r) => r.path) },
          fetchesSent: { value: fetches.length, unit: 'fetch calls (wrapped fetch)' },
          aborted: { value: fetches.filter((f) => f.aborted).length, unit: 'fetch calls aborted' },
          mockLatency: { value: 150, unit: 'ms' },
          target: '≤ 3',
        };
      });

  const provisioningRun = async (sse) => {
    const p = await openPage();
    const cdp = await p.createCDPSession();
    await cdp.send('Network.enable');
    const urls = new Map();
    let responseBytes = 0;
    let requestBytes = 0;
    let apiRequests = 0;
    const mock = await server.createMock({ speed: SPEED, sse });
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!e.request.url.startsWith(mock.baseUrl)) return;
      urls.set(e.requestId, e.request.url);
      apiRequests++;
      requestBytes += e.request.postData ? Buffer.byteLength(e.request.postData) : 0;
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (urls.has(e.requestId)) responseBytes += e.encodedDataLength;
    });
    await p.evaluate(() => bench.setup(location.origin + '/api'));
    const placed = await p.evaluate((options) => bench.flowToOrder(options), {
      mockBase: mock.baseUrl,
      companyName: 'Slow Bench Contoso',
      prefix: `slowbench${Math.random().toString(36).slice(2, 8)}`,
      scaleAfterPlacing: SPEED,
    });
    // Ten simulated minutes, then until the order is terminal, then two simulated minutes more.
    const tenMinutes = (600 / SPEED) * 1000;
    await sleep(tenMinutes);
    let outcome = await p.evaluate(() => bench.flowOutcome());
    const deadline = Date.now() + tenMinutes;
    while (!outcome.terminal && Date.now() < deadline) {
      await sleep(250);
      outcome = await p.evaluate(() => bench.flowOutcome());
    }
    await sleep((120 / SPEED) * 1000);
    const listenersLeft = await p.evaluate(() => bench.unmountFlow());
    await sleep(300);
    const all = await mock.requests();
    const order = all.find((r) => r.method === 'POST' && r.path === '/orders');
    await cdp.detach();
    await p.close();
    if (!order) throw new Error('no order was placed');
    const following = all.filter((r) => r.at >= order.at && /^\/orders\/[^/]+(\/events)?$/.test(r.path));
    const within = following.filter((r) => r.at <= order.at + tenMinutes);
    const after = outcome.terminal ? following.filter((r) => r.at > outcome.terminal.at) : [];
    return { placed, outcome, within, after, following, responseBytes, requestBytes, apiRequests, all, listenersLeft, simulatedMinutes: outcome.terminal ? round(((outcome.terminal.at - order.at) / 1000) * SPEED / 60, 1) : undefined };
  };

  const flowElements = ['lc-checkout', 'lc-customer-type', 'lc-customer-details', 'lc-tenant-domain', 'lc-agreement', 'lc-order-review'];
  const missingFlow = flowElements.filter((t) => !status2.includes(t));
  if (missingFlow.length) {
    const why = `${missingFlow.map((t) => `<${t}>`).join(', ')} not in dist/license-checkout.js`;
    results.network.provisioning = notMeasured(why);
    results.network.checkoutBytes = notMeasured(why);
    results.memory.listenersDuringProvisioning = notMeasured(why);
  } else {
    const runs = {};
    for (const sse of [true, false]) {
      runs[sse ? 'sse' : 'polling'] = await guarded(`provisioning (${sse ? 'SSE' : 'polling'})`, async () => {
        log(`network (i): provisioning over ${sse ? 'SSE' : 'polling'} (10 simulated minutes at ×${SPEED})`);
        return provisioningRun(sse);
      });
    }
    const follows = (run) => run && !run.notMeasured && run.outcome.terminal;
    const describe = (run) =>
      run.notMeasured
        ? run
        : !follows(run)
          ? notMeasured(`the checkout did not follow the order to a terminal state (events seen: ${run.outcome.events.join(', ') || 'none'}; step ${run.outcome.step}; ${run.following.length} order requests)`)
          : {
              requestsIn10SimulatedMinutes: { value: run.within.length, unit: 'requests (GET /orders/{id} and /events)' },
              requestsAfterTerminal: { value: run.after.length, unit: 'requests' },
              orderLasted: { value: run.simulatedMinutes, unit: 'simulated minutes' },
              terminal: run.outcome.terminal.type,
            };
    results.network.provisioning = {
      method: `mock speed ×${SPEED} and the page's timers ×${SPEED} (setTimeout/setInterval scaled), so the client's backoff runs in simulated time; a new customer "Slow…" (tasks 10× longer), 3 lines`,
      sse: describe(runs.sse),
      polling: describe(runs.polling),
      target: '1 with SSE; ≤ 60 polling; 0 after the terminal state',
    };
    results.network.checkoutBytes = runs.sse.notMeasured
      ? runs.sse
      : {
          what: follows(runs.sse)
            ? 'one whole new-customer checkout over HTTP (catalog … order … provisioning over SSE to the end), CDP Network events'
            : 'one new-customer checkout over HTTP up to the placed order (the checkout did not follow the order, so no provisioning traffic), CDP Network events',
          complete: Boolean(follows(runs.sse)),
          requests: { value: runs.sse.apiRequests, unit: 'requests' },
          responseBytes: { value: runs.sse.responseBytes, unit: 'bytes (encoded, with headers)' },
          requestBodyBytes: { value: runs.sse.requestBytes, unit: 'bytes' },
          byPath: countBy(runs.sse.all.map((r) => `${r.method} ${r.path.replace(/^\/(orders|domains|tenants)\/[^/]+/, '/$1/{id}')}`)),
        };
    results.memory.listenersDuringProvisioning = runs.sse.notMeasured
      ? runs.sse
      : !follows(runs.sse)
        ? notMeasured('the checkout did not follow the order (no navigation guard or follower to leave listeners behind)')
        : { left: { value: runs.sse.listenersLeft.length, unit: 'listeners on window/document after unmounting a checkout that followed an order' }, which: runs.sse.listenersLeft, target: '0' };
  }
} finally {
  await browser.close();
  await server.close();
}

function countBy(list) {
  const out = {};
  for (const item of list) out[item] = (out[item] ?? 0) + 1;
  return out;
}

// ---------------------------------------------------------------------------------------
const budget = JSON.parse(await readFile(join(root, 'bench', 'budget.json'), 'utf8').catch(() => '{}'));
results.targets = targets(results, budget);
results.seconds = { value: round((Date.now() - started) / 1000, 1), unit: 's' };
await writeFile(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(table(results));
log('wrote bench/results.json');

function targets(r, budget) {
  const s = r.size;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const out = [];
  const add = (figure, target, measured, met) => out.push({ figure, target, measured, met });
  const gz = s.allIn.gzipBytes;
  // Issue 13: the pages, from the network log (bytes received), with the files' own budgets (npm run size).
  const tr = r.transfer;
  for (const [name, label] of [['productPage', 'product page (tags), JS received'], ['cartInteractive', '<lc-checkout> until the cart is usable, JS received'], ['allCheckout', 'all of the checkout\'s JS, every step, received']]) {
    const b = r.budgets[name];
    const target = b.targetGzipBytes ?? b.maxGzipBytes;
    if (!tr || tr.notMeasured) add(label, `≤ ${kb(target)}`, tr?.notMeasured ?? 'not measured', null);
    else add(label, `≤ ${kb(target)} (floor ${kb(b.floor.gzipBytes)})`, kb(tr[name].bytes.value), tr[name].bytes.value <= target);
    add(`CI budget ${name} (bench/budget.json, npm run size)`, `≤ ${b.maxGzipBytes} B`, `${b.gzipBytes} B`, b.gzipBytes <= b.maxGzipBytes);
  }
  const mockTransferred = tr && !tr.notMeasured ? tr.productPage.mockBytes.value + tr.allCheckout.mockBytes.value : undefined;
  const mockStrings = Object.values(r.budgets).reduce((n, b) => n + b.mock.modules.length + b.mock.mockOnlyStringsFound.length, 0);
  add('mock backend in any of the above', '0 bytes', `${mockTransferred ?? 'not measured'} B received; ${mockStrings} mock modules or mock-only strings in the files`, mockTransferred === 0 && mockStrings === 0);
  add('all-in bundle (src/index.ts in one file), min + gzip', '≤ 32 KB', kb(gz), gz <= 32 * 1024);
  add('all-in / dependency floor', '≤ 1.5 ×', `${s.ratioAllInToFloor.value} × (floor ${kb(s.floor.gzipBytes)})`, s.ratioAllInToFloor.value <= 1.5);
  const t = (x, limit, name, target) => (x && !x.notMeasured ? add(name, target, `${x.ratio.value} ×`, x.ratio.value <= limit) : add(name, target, x?.notMeasured ?? 'not measured', null));
  t(r.rendering.firstRender, 2, 'first render vs vanilla DOM', '≤ 2.0 ×');
  t(r.rendering.update1000, 3, '1,000-line update vs vanilla DOM', '≤ 3.0 ×');
  const p = r.network.provisioning;
  if (p?.sse && !p.sse.notMeasured) add('provisioning requests, SSE (10 sim. min)', '1', String(p.sse.requestsIn10SimulatedMinutes.value), p.sse.requestsIn10SimulatedMinutes.value <= 1);
  else add('provisioning requests, SSE (10 sim. min)', '1', p?.sse?.notMeasured ?? p?.notMeasured, null);
  if (p?.polling && !p.polling.notMeasured) add('provisioning requests, polling (10 sim. min)', '≤ 60', String(p.polling.requestsIn10SimulatedMinutes.value), p.polling.requestsIn10SimulatedMinutes.value <= 60);
  else add('provisioning requests, polling (10 sim. min)', '≤ 60', p?.polling?.notMeasured ?? p?.notMeasured, null);
  const afterValues = [p?.sse, p?.polling].filter((x) => x && !x.notMeasured).map((x) => x.requestsAfterTerminal.value);
  add('requests after the terminal state', '0', afterValues.length ? afterValues.join(' / ') : 'not measured', afterValues.length ? afterValues.every((v) => v === 0) : null);
  const ty = r.network.typing;
  add('availability requests, 12 characters typed', '≤ 3', ty.notMeasured ?? `${ty.requestsReceived.value} received, ${ty.aborted.value} aborted`, ty.notMeasured ? null : ty.fetchesSent.value <= 3);
  const m = r.memory;
  add('retained heap, 100 mount/unmount cycles', '< 1 MB', m.heap?.notMeasured ?? `${(m.heap.retained.value / 1024).toFixed(0)} KB`, m.heap?.notMeasured ? null : m.heap.retained.value < 1024 * 1024);
  add('listeners left after unmount', '0', m.listeners?.notMeasured ?? String(m.listeners.left.value), m.listeners?.notMeasured ? null : m.listeners.left.value === 0);
  const lp = m.listenersDuringProvisioning;
  if (lp) add('listeners left after unmount while provisioning', '0', lp.notMeasured ?? String(lp.left.value), lp.notMeasured ? null : lp.left.value === 0);
  return out;
}

function table(r) {
  const s = r.size;
  const rows = [];
  const kb = (n) => (n / 1024).toFixed(1);
  rows.push('## Pages: JavaScript transferred (KB = 1,024 bytes, gzip)', '');
  rows.push('| page | received (network log) | files (npm run size) | CI budget | target | dependency floor | own code alone | lit + @lit/* | zod | strings |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, label] of [['productPage', 'product page: 8 `<lc-add-to-cart>`, `<lc-cart-count>`, `<lc-price>`'], ['cartInteractive', '`<lc-checkout>` until the cart is usable'], ['allCheckout', 'all of the checkout, every step']]) {
    const b = r.budgets[name];
    const t = r.transfer && !r.transfer.notMeasured ? kb(r.transfer[name].bytes.value) : 'not measured';
    const loo = (group) => (b.leaveOneOut[group] ? kb(b.leaveOneOut[group].gzipBytes) : '0');
    rows.push(`| ${label} | ${t} | ${kb(b.gzipBytes)} | ${kb(b.maxGzipBytes)} | ${kb(b.targetGzipBytes ?? b.maxGzipBytes)} | ${kb(b.floor.gzipBytes)} | ${kb(b.ownCode.gzipBytes)} | ${loo('lit + @lit/*')} | ${loo('zod')} | ${loo('strings (*.strings.ts)')} |`);
  }
  if (r.transfer && !r.transfer.notMeasured) {
    const files = (x) => x.files.map((f) => `\`${f.path}\` ${kb(f.bytes)}`).join(', ');
    rows.push('', `Files received: product page ${files(r.transfer.productPage)}; checkout until the cart is usable ${files(r.transfer.cartInteractive)}; all ${files(r.transfer.allCheckout)}. Mock: ${r.transfer.productPage.mockBytes.value + r.transfer.allCheckout.mockBytes.value} bytes received. GET /catalog: ${r.transfer.catalogRequests.productPage} on the product page, ${r.transfer.catalogRequests.checkoutPage} on the checkout page.`);
  }
  const extra = ['order: session, follower, SSE, navigation guard, stored ref', 'rules: machine, validators, countries'];
  rows.push('', `In \`<lc-checkout>\` until the cart is usable, own code the cart itself does not need (leave-one-out): ${extra.map((g) => `${g} ${kb(r.budgets.cartInteractive.leaveOneOut[g]?.gzipBytes ?? 0)}`).join('; ')}.`);
  rows.push('', 'Own code alone: the same build with lit, @lit/* and zod external. The dependency columns are leave-one-out: the files minus the same build with that part external (what it costs after minification and compression, which is less than its floor where the floor bundles more of it). The floor: only what those files\' modules import from lit, @lit/* and zod/mini, bundled alone.', '');
  rows.push('## Size (KB = 1,024 bytes)', '', '| bundle | min | gzip -9 | brotli 11 |', '| --- | ---: | ---: | ---: |');
  const sz = (name, x) => rows.push(`| ${name} | ${kb(x.minBytes)} | ${kb(x.gzipBytes)} | ${kb(x.brotliBytes)} |`);
  sz('**all-in**: `src/index.ts`, every element, in one file (for comparison)', s.allIn);
  sz('dependency floor (what src imports from lit, @lit/*, zod/mini)', s.floor);
  for (const [pkg, x] of Object.entries(s.floorByPackage)) sz(`&nbsp;&nbsp;floor: ${pkg}`, x);
  for (const [name, x] of Object.entries(s.elements)) sz(`element \`${name}\` with its imports`, x);
  sz('mock backend (`src/mock/index.ts`)', s.mock);
  rows.push('', `all-in / floor: **${s.ratioAllInToFloor.value} ×** (gzip). Mock code in the all-in bundle: ${s.mockInAllIn.bytes} bytes (${s.mockInAllIn.modules.length} modules; ${s.mockInAllIn.mockOnlyStringsFound.length} of ${s.mockInAllIn.mockOnlyStringsChecked} mock-only strings found).`);
  rows.push('', '| what the all-in costs (leave-one-out: all-in minus the all-in without it) | min | gzip |', '| --- | ---: | ---: |');
  for (const [name, x] of Object.entries(s.leaveOneOut)) rows.push(`| ${name} | ${kb(x.minBytes)} | ${kb(x.gzipBytes)} |`);
  rows.push('', '## Rendering (headless Chromium; ms, median [min–max] of n runs)', '', '| figure | widget | vanilla DOM reference | ratio |', '| --- | ---: | ---: | ---: |');
  const span = (x) => `${x.median.toFixed(2)} [${x.min.toFixed(2)}–${x.max.toFixed(2)}] n=${x.runs}`;
  for (const [name, x] of [['(a) first render, 10-line cart', r.rendering.firstRender], ['(b) 1,000-line cart, one quantity change', r.rendering.update1000], ['(c) step change customer type → details', r.rendering.stepChange]]) {
    if (x.notMeasured) rows.push(`| ${name} | not measured: ${x.notMeasured} | | |`);
    else rows.push(`| ${name} | ${span(x.widget)} | ${span(x.vanilla)} | **${x.ratio.value} ×** |`);
  }
  const yielded = [r.rendering.firstRender, r.rendering.update1000, r.rendering.stepChange].filter((x) => x && !x.notMeasured).map((x) => x.widget.runsThatYieldedTasks);
  rows.push('', `Each time: from the action until the result is in the DOM, + forced style and layout, within one task on both sides (the widget awaited through microtasks); paint excluded on both. Widget runs that had to yield a task: ${yielded.join(' / ')} (a, b, c).`);
  rows.push('', '## Network and memory', '', '| figure | measured |', '| --- | --- |');
  const p = r.network.provisioning;
  const prov = (x) => (x.notMeasured ? `not measured: ${x.notMeasured}` : `${x.requestsIn10SimulatedMinutes.value} requests in 10 simulated minutes; ${x.requestsAfterTerminal.value} after ${x.terminal} (order lasted ${x.orderLasted.value} simulated min)`);
  rows.push(`| (i) provisioning over SSE | ${p.notMeasured ? `not measured: ${p.notMeasured}` : prov(p.sse)} |`);
  rows.push(`| (i) provisioning, polling fallback | ${p.notMeasured ? `not measured: ${p.notMeasured}` : prov(p.polling)} |`);
  const ty = r.network.typing;
  rows.push(`| (ii) typing 12 characters at 8/s | ${ty.notMeasured ? `not measured: ${ty.notMeasured}` : `${ty.requestsReceived.value} availability requests received, ${ty.fetchesSent.value} sent, ${ty.aborted.value} aborted`} |`);
  const b = r.network.checkoutBytes;
  rows.push(`| (iii) one whole checkout | ${b.notMeasured ? `not measured: ${b.notMeasured}` : `${b.requests.value} requests, ${(b.responseBytes.value / 1024).toFixed(1)} KB received, ${(b.requestBodyBytes.value / 1024).toFixed(1)} KB sent${b.complete ? '' : ' (up to the placed order only: the checkout did not follow it)'}`} |`);
  const m = r.memory;
  rows.push(`| retained JS heap after 100 mount/unmount cycles | ${m.heap?.notMeasured ? `not measured: ${m.heap.notMeasured}` : `${(m.heap.retained.value / 1024).toFixed(0)} KB`} |`);
  rows.push(`| listeners left on window/document after unmount | ${m.listeners?.notMeasured ? `not measured: ${m.listeners.notMeasured}` : m.listeners.left.value} |`);
  if (m.listenersDuringProvisioning) rows.push(`| … after unmount of a checkout following an order | ${m.listenersDuringProvisioning.notMeasured ? `not measured: ${m.listenersDuringProvisioning.notMeasured}` : m.listenersDuringProvisioning.left.value} |`);
  rows.push('', '## Targets', '', '| figure | target | measured | met |', '| --- | --- | --- | --- |');
  for (const t of r.targets) rows.push(`| ${t.figure} | ${t.target} | ${t.measured} | ${t.met === null ? 'not measured' : t.met ? 'yes' : '**no**'} |`);
  return rows.join('\n');
}

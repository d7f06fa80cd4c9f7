/**
 * A fresh, isolated mock backend per test, served over real HTTP by the hub that
 * web-test-runner.config.mjs starts. Tests run in parallel pages, so never share the
 * default `/api` instance when a test places orders, records requests or injects faults.
 *
 *     const mock = await createTestMock({ speed: 1000 });
 *     const api = new HttpCheckoutApi({ baseUrl: mock.baseUrl });
 *     …
 *     expect(await mock.requests({ method: 'POST', path: '/orders' })).to.have.length(1);
 */
import type { Fault, MockOptions, RecordedRequest } from '../../src/mock/index.js';

export type { Fault, MockOptions, RecordedRequest };

export interface TestMock {
  /** Absolute base URL of this instance, e.g. `http://localhost:8000/mock/3fa2…`. */
  baseUrl: string;
  /** Requests received so far; `path` is the contract path (`/orders`), matched exactly; `method` ignores case. */
  requests(filter?: { method?: string; path?: string }): Promise<RecordedRequest[]>;
  /** The next `fault.times` (default 1) requests matching it misbehave. */
  inject(fault: Fault): Promise<void>;
}

/** A 422 problem+json naming fields (`errors: [{ field, message }]`), as a backend's validation refuses a request. */
export function fieldErrorsFault(path: string, errors: Array<{ field: string; message: string }>, method?: string): Fault {
  return {
    ...(method ? { method } : {}),
    path,
    status: 422,
    body: { type: 'about:blank', title: 'Validation failed', status: 422, code: 'validation-failed', errors },
  };
}

/** The base URLs of the mocks this page made: what its tests may have stored under. */
const madeHere = new Set<string>();

/**
 * Forgets what this page's tests stored: sessionStorage (the page's own), and the
 * localStorage entries of this page's mocks and of `bases` (fixed test URLs). Never
 * `localStorage.clear()`: the origin's localStorage is shared by the test pages that run at
 * once, so it would empty another test's cart under its feet (and fire its storage events).
 */
export function clearPageStorage(...bases: string[]): void {
  sessionStorage.clear();
  const scopes = [...madeHere, ...bases].map((base) => base.replace(/\/+$/, ''));
  for (const key of Object.keys(localStorage)) if (scopes.some((scope) => key.endsWith(`:${scope}`))) localStorage.removeItem(key);
}

async function ok(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  return response;
}

export async function createTestMock(options: MockOptions = {}): Promise<TestMock> {
  const created = await ok(
    await fetch('/__mock/instances', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(options),
    }),
    'Creating a mock instance',
  );
  const { id, baseUrl } = (await created.json()) as { id: string; baseUrl: string };
  const control = `/__mock/instances/${id}`;
  madeHere.add(new URL(baseUrl, location.origin).href);
  return {
    baseUrl: new URL(baseUrl, location.origin).href,
    async requests(filter = {}) {
      const response = await ok(await fetch(`${control}/requests`), 'Reading recorded requests');
      const all = (await response.json()) as RecordedRequest[];
      return all.filter(
        (r) => (!filter.method || r.method === filter.method.toUpperCase()) && (filter.path === undefined || r.path === filter.path),
      );
    },
    async inject(fault) {
      await ok(
        await fetch(`${control}/faults`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(fault),
        }),
        'Injecting a fault',
      );
    },
  };
}

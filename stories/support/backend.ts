/**
 * What every story uses: a fresh in-page mock backend per render (no server), the HTTP client
 * pointed at it, and a render helper that turns args into attributes, properties and event
 * listeners.
 */
import { HttpCheckoutApi } from '../../src/api/client.js';
import type { CheckoutApi } from '../../src/api/api.js';
import { createMockBackend, type Fault, type MockBackend, type MockOptions } from '../../src/mock/index.js';

export interface StoryBackendOptions extends MockOptions {
  /** Faults injected before the element's first request (errors, slow answers). */
  faults?: Fault[];
}

export interface StoryBackend {
  api: CheckoutApi;
  mock: MockBackend;
}

/** A request that is never answered while the story is looked at: for loading states. */
export const FOREVER = 60 * 60 * 1000;

export function storyBackend(options: StoryBackendOptions = {}): StoryBackend {
  const { faults = [], ...mockOptions } = options;
  const mock = createMockBackend({ speed: 1, latencyMs: 150, ...mockOptions });
  for (const fault of faults) mock.inject(fault);
  // No retries: an error state must show at once, not after the client's backoff. The long
  // timeout keeps a "loading" story loading instead of turning into a timeout error.
  const api = new HttpCheckoutApi({ baseUrl: '/api', fetch: mock.fetch, retry: 0, timeout: FOREVER });
  return { api, mock };
}

/** Presses the button of a page the mock serves in Microsoft's place (Accept, Approve), as the customer would. */
export function pressOnMockPage(mock: MockBackend, url: string, decision: 'accept' | 'approve' = 'accept'): Promise<Response> {
  return mock.fetch(url, { method: 'POST', body: new URLSearchParams({ decision }) });
}

/**
 * Creates `<tag>` from story args: function args named like events (`lc-…`) become listeners;
 * `--lc-*` args (the custom-property controls) are set as inline custom properties; other
 * kebab-case args become attributes; the rest properties. `props` (the backend, data objects)
 * are set last and win.
 */
export function createElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  args: Record<string, unknown>,
  props: Partial<Record<keyof HTMLElementTagNameMap[K], unknown>> = {},
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined) continue;
    if (typeof value === 'function' && key.startsWith('lc-')) {
      el.addEventListener(key, value as EventListener);
    } else if (typeof value === 'function' && /^on[A-Z]/.test(key)) {
      // Storybook's own action args for the manifest's events (`onLcCartChange`): the `lc-…` spies above log them already.
      continue;
    } else if (key.startsWith('--')) {
      if (value !== '') el.style.setProperty(key, String(value));
    } else if (key.includes('-')) {
      if (value === false || value === null) el.removeAttribute(key);
      else el.setAttribute(key, value === true ? '' : String(value));
    } else {
      (el as unknown as Record<string, unknown>)[key] = value;
    }
  }
  Object.assign(el, props);
  return el;
}

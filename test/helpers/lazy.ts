/**
 * For test/lazy-*.test.ts: the built script-tag file, loaded from a copy on another path (see
 * scripts/wtr-lazy-copy.mjs), and a checkout on it with one line in the cart. These tests load
 * no module of src/ that defines an element: the elements are the built file's.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createTestMock } from './mock.js';

/** Where the copy of dist/ is served: any path works, the steps' files are found beside the file. One per page. */
export const COPY = `/cdn-copy/reseller-${Math.random().toString(36).slice(2)}/static/lc/v1/`;

export const STEP_TAGS = ['lc-customer-type', 'lc-customer-details', 'lc-tenant-domain', 'lc-agreement', 'lc-order-review', 'lc-provisioning'];

/** Loads the script-tag file as `<script type="module" src>` would. */
export async function loadScriptTagFile(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = `${COPY}license-checkout.js`;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${script.src} did not load: run \`npm run build\` first`));
    document.head.append(script);
  });
}

/** What the copy's server saw of this page's step files; `fail` switches their 500 answers on or off. */
export async function stepFiles(fail?: boolean): Promise<string[]> {
  const payload = fail === undefined ? {} : { copy: COPY, fail };
  const result = await executeServerCommand<{ requested: string[] }, { copy?: string; fail?: boolean }>('lazy-copy', payload);
  return result!.requested.filter((path) => path.startsWith(COPY));
}

type Checkout = HTMLElement & { step: string; updateComplete: Promise<boolean> };

/** The carts these tests stored (each under its own mock's key: other test pages share localStorage). */
const storedKeys: string[] = [];

/** Removes the carts these tests stored, and only those. */
export function forgetCarts(): void {
  for (const key of storedKeys.splice(0)) localStorage.removeItem(key);
}

/** A checkout against a fresh mock with Microsoft 365 E3 in the cart, once the cart is usable. */
export async function checkoutWithCart(): Promise<Checkout> {
  const mock = await createTestMock();
  const key = `license-checkout:cart:${mock.baseUrl}`;
  storedKeys.push(key);
  localStorage.setItem(
    key,
    JSON.stringify({ version: 1, lines: [{ productId: 'cfq7ttc0lfld-0001', term: 'P1Y', billing: 'monthly', quantity: 3 }] }),
  );
  const el = await fixture<Checkout>(html`<lc-checkout api-base=${mock.baseUrl} lang="en-US"></lc-checkout>`);
  await waitUntil(() => checkoutButton(el) && !checkoutButton(el)!.disabled, 'the cart never became usable', { timeout: 5000 });
  return el;
}

export function checkoutButton(el: HTMLElement): HTMLButtonElement | null | undefined {
  return el.shadowRoot!.querySelector('lc-cart')?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="checkout-button"]');
}

/** Text as shown, spaces collapsed. */
export const shown = (node: Element | null | undefined): string => ((node as HTMLElement | null)?.innerText ?? '').replace(/\s+/g, ' ').trim();

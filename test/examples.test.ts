/**
 * The three embeddings in examples/ (plain HTML with the one-file build, a Vite app importing
 * the package, a React app using the @lit/react wrappers), each loaded in a frame: the
 * checkout renders, loads the catalog from the mock backend, and takes a product from the
 * host page's own button.
 *
 * They are built files: `npm run build && npm run build:examples` first (`.ci/run` does it,
 * and `npm run test:examples` does it and runs only this file).
 */
import { expect, waitUntil } from '@open-wc/testing';

interface Example {
  name: string;
  url: string;
  /** The host page's "Add …" button, and the product it adds. */
  addButton: string;
  product: string;
}

const examples: Example[] = [
  { name: 'plain HTML, one script tag', url: '/examples/plain-html/index.html', addButton: 'button', product: 'Microsoft 365 Business Standard' },
  { name: 'Vite app, import "license-checkout"', url: '/examples/vite-app/dist/index.html', addButton: '#add', product: 'Microsoft 365 E3' },
  { name: 'React app, license-checkout/react', url: '/examples/react-app/dist/index.html', addButton: 'button', product: 'Microsoft 365 Business Premium' },
];

const frames: HTMLIFrameElement[] = [];

// The frames share this page's origin: a cart one example stored must not appear in the next.
function forgetStoredCheckout(): void {
  for (const storage of [localStorage, sessionStorage]) {
    for (const key of Object.keys(storage)) if (key.startsWith('license-checkout:')) storage.removeItem(key);
  }
}

beforeEach(forgetStoredCheckout);

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
  forgetStoredCheckout();
});

/** The first element matching `selector` below `root`, looking through open shadow roots. */
function deepQuery(root: Document | Element | ShadowRoot, selector: string): Element | null {
  const direct = root.querySelector(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    const found = el.shadowRoot && deepQuery(el.shadowRoot, selector);
    if (found) return found;
  }
  return null;
}

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function open(example: Example): Promise<Document> {
  const head = await fetch(example.url);
  const script = await fetch('/dist/license-checkout.js');
  if (!head.ok || !script.ok) {
    throw new Error(`${example.url} is not built: run \`npm run build && npm run build:examples\` first (or \`npm run test:examples\`).`);
  }
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1000px; height: 800px; border: 0';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = example.url;
  document.body.append(frame);
  await loaded;
  return frame.contentDocument!;
}

describe('examples', () => {
  for (const example of examples) {
    it(`${example.name}: the checkout renders, loads the catalog from the mock and takes a product`, async () => {
      const doc = await open(example);
      const win = doc.defaultView!;
      // React renders after the load event: wait for the element as well as its definition.
      await waitUntil(() => win.customElements.get('lc-checkout') && doc.querySelector('lc-checkout'), `${example.url}: no defined <lc-checkout>`, {
        timeout: 5000,
      });

      // The catalog came from the mock: the cart inside the checkout left its loading state without failing.
      await waitUntil(() => {
        const cart = deepQuery(doc, 'lc-cart');
        return cart?.shadowRoot && !cart.shadowRoot.querySelector('[part~="loading"]');
      }, `${example.url}: the cart never finished loading the catalog`, { timeout: 5000 });
      expect(deepQuery(doc, '[part~="failed"]'), 'no load failure').to.equal(null);

      (doc.querySelector(example.addButton) as HTMLButtonElement).click();
      await waitUntil(() => text(deepQuery(doc, '[part~="line-name"]')) === example.product, `${example.url}: the product never reached the cart`, {
        timeout: 5000,
      });
      // Priced from the mock's catalog.
      expect(text(deepQuery(doc, '[part~="line-total"]'))).to.match(/\$[\d,]+\.\d\d per (month|year)/);
    });
  }

  it('React app: the typed event callbacks reach React state', async () => {
    const doc = await open(examples[2]!);
    await waitUntil(() => doc.defaultView!.customElements.get('lc-checkout') && deepQuery(doc, 'lc-cart'), 'no checkout', { timeout: 5000 });
    await waitUntil(() => !deepQuery(doc, '[part~="loading"]'), 'the catalog never loaded', { timeout: 5000 });
    (doc.querySelector('button') as HTMLButtonElement).click();
    // onLcCartChange → setLines(event.lines.length) → re-rendered status.
    await waitUntil(() => text(doc.querySelector('#status')).includes('lines in cart: 1'), 'onLcCartChange never updated the page', { timeout: 5000 });
    expect(text(doc.querySelector('#status'))).to.match(/^Step: cart/);
  });
});

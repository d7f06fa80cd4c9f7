// The demo reseller site: renders product cards from the store's catalog and embeds the
// checkout. Everything here is what a reseller would write on its own page.
import '../src/index.js';
import { HttpCheckoutApi } from '../src/api/client.js';
import { formatMoney } from '../src/i18n/format.js';

const API_BASE = '/api';

const host = document.querySelector<HTMLElement>('#checkout-host')!;
const tag = customElements.get('lc-checkout') ? 'lc-checkout' : 'lc-cart';
const checkout = document.createElement(tag) as HTMLElement & {
  addProduct(productId: string): unknown;
};
checkout.setAttribute('api-base', API_BASE);
host.append(checkout);

const theme = document.querySelector<HTMLSelectElement>('#theme')!;
theme.value = localStorage.getItem('demo-theme') ?? '';
document.documentElement.dataset.theme = theme.value;
theme.addEventListener('change', () => {
  document.documentElement.dataset.theme = theme.value;
  localStorage.setItem('demo-theme', theme.value);
});

const list = document.querySelector<HTMLUListElement>('#products')!;
const status = document.querySelector<HTMLElement>('#products-status')!;

async function showProducts(): Promise<void> {
  try {
    const catalog = await new HttpCheckoutApi({ baseUrl: API_BASE }).getCatalog();
    for (const product of catalog.products.slice(0, 8)) {
      const cheapest = Math.min(...product.offers.filter((o) => o.billing === 'monthly').map((o) => o.unitPrice));
      const item = document.createElement('li');
      const name = document.createElement('h3');
      name.textContent = product.name;
      const description = document.createElement('p');
      description.textContent = product.description ?? '';
      const price = document.createElement('strong');
      price.textContent = Number.isFinite(cheapest)
        ? `from ${formatMoney(cheapest, catalog.currency, 'en-US')} per user/month`
        : '';
      const add = document.createElement('button');
      add.type = 'button';
      add.textContent = 'Add to cart';
      add.setAttribute('aria-label', `Add ${product.name} to cart`);
      add.addEventListener('click', () => checkout.addProduct(product.id));
      item.append(name, description, price, add);
      list.append(item);
    }
    status.textContent = '';
  } catch (error) {
    status.textContent = `The products could not be loaded (${(error as Error).message}). Reload the page to try again.`;
  }
}

void showProducts();

// A bundler app: one import defines the elements; their classes and events are typed.
import 'license-checkout';
import { createMockBackend } from 'license-checkout/mock';

const checkout = document.querySelector('lc-checkout')!;

// No backend here: the in-page mock answers through the client's custom `fetch`.
// A real shop sets `api-base` (and `apiOptions.getAccessToken`, headers…) instead.
const mock = createMockBackend({ latencyMs: 100 });
checkout.apiOptions = { fetch: mock.fetch };
checkout.apiBase = '/api';

checkout.addEventListener('lc-step-change', (event) => {
  // `event` is an LcStepChangeEvent: `step` is typed.
  document.querySelector('#step')!.textContent = `Step: ${event.step}`;
});
checkout.addEventListener('lc-order-placed', (event) => console.info('order placed', event.orderId));

document.querySelector('#add')!.addEventListener('click', () => {
  void checkout.addProduct('cfq7ttc0lfld-0001', { quantity: 25 });
});

/**
 * A host page with a strict Content Security Policy and Trusted Types (issue 15):
 * `default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html`.
 * test/pages/csp-checkout.html is served with it (web-test-runner.config.mjs) and runs a whole
 * new-customer checkout in an iframe against this test's mock; the result comes back by postMessage.
 */
import { expect } from '@open-wc/testing';
import { E3 } from './helpers/flow.js';
import { createTestMock } from './helpers/mock.js';

interface CspResult {
  source: 'csp-checkout';
  ok: boolean;
  error?: string;
  orderId?: string;
  status?: string;
  text?: string;
  violations: Array<{ directive: string; blocked: string; sample: string; source: string; line: number }>;
}

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

/** Loads the page in an iframe and resolves with what it reports. */
function runPage(query: string, timeout = 25000): Promise<{ frame: HTMLIFrameElement; result: CspResult }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the CSP page never reported')), timeout);
    window.addEventListener('message', function onMessage(event: MessageEvent<CspResult>) {
      if (event.source !== frame.contentWindow || event.data?.source !== 'csp-checkout') return;
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve({ frame, result: event.data });
    });
    frame.src = `/test/pages/csp-checkout.html?${query}`;
    document.body.append(frame);
  });
}

describe('strict Content Security Policy with Trusted Types', function () {
  this.timeout(30000);
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('serves the test page with the strict policy', async () => {
    const response = await fetch('/test/pages/csp-checkout.html');
    expect(response.headers.get('content-security-policy')).to.equal(POLICY);
  });

  it('completes a whole new-customer checkout with no policy violation', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const run = await runPage(new URLSearchParams({ api: mock.baseUrl, product: E3 }).toString());
    frame = run.frame;
    const { result } = run;
    expect(result.error, 'the checkout did not complete under the policy').to.equal(undefined);
    expect(result.ok).to.equal(true);
    expect(result.violations, JSON.stringify(result.violations)).to.deep.equal([]);
    expect(result.status).to.equal('completed');
    // One order, the one the page shows, placed through the same-origin backend.
    const orders = await mock.requests({ method: 'POST', path: '/orders' });
    expect(orders).to.have.length(1);
    expect(result.orderId).to.be.a('string').and.not.equal('');

    // The policy was in force: a string into an HTML sink is refused and reported (the test cannot pass without it).
    const win = frame.contentWindow as Window & typeof globalThis;
    const seen: string[] = [];
    win.document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
    expect(() => {
      win.document.createElement('div').innerHTML = '<b>not trusted</b>';
    }).to.throw();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).to.include('require-trusted-types-for');
  });
});

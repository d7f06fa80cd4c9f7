/**
 * NavigationGuard in real Chromium. Every link, form and navigation a test triggers also
 * meets a safety net listener that records whether the guard stopped it and then stops it
 * anyway, so the test page itself never navigates away.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import { NavigationGuard } from '../src/checkout/navigation-guard.js';
import { LcNavigationBlockedEvent } from '../src/events/navigation-blocked.js';

class GuardHost extends ReactiveElement {}
customElements.define('guard-test-host', GuardHost);

interface NavigationLike extends EventTarget {
  navigate(url: string): { committed: Promise<unknown>; finished: Promise<unknown> };
}
const navigationApi = (window as unknown as { navigation?: NavigationLike }).navigation;

/** Clicks `target` (or dispatches `init`) and returns whether the guard prevented it before the safety net. */
function click(target: Element, init?: MouseEventInit): boolean {
  let prevented: boolean | undefined;
  const net = (event: Event) => {
    prevented = event.defaultPrevented;
    event.preventDefault();
  };
  target.addEventListener('click', net);
  if (init) target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, ...init }));
  else (target as HTMLElement).click();
  target.removeEventListener('click', net);
  if (prevented === undefined) throw new Error('the click did not reach its target');
  return prevented;
}

function submit(form: HTMLFormElement, submitter?: HTMLElement): boolean {
  let prevented: boolean | undefined;
  const net = (event: Event) => {
    prevented = event.defaultPrevented;
    event.preventDefault();
  };
  form.addEventListener('submit', net);
  form.requestSubmit(submitter ?? null);
  form.removeEventListener('submit', net);
  if (prevented === undefined) throw new Error('the form was not submitted');
  return prevented;
}

function beforeUnloadPrevented(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

function link(href: string, attributes: Record<string, string> = {}): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = 'elsewhere';
  for (const [name, value] of Object.entries(attributes)) a.setAttribute(name, value);
  page.appendChild(a);
  return a;
}

let page: HTMLElement;

describe('NavigationGuard', () => {
  let host: GuardHost;
  let guard: NavigationGuard;
  let blocked: Array<{ message: string; url: string; kind: string }>;
  let fired: LcNavigationBlockedEvent[];

  beforeEach(async () => {
    page = document.createElement('section');
    document.body.appendChild(page);
    host = await fixture<GuardHost>(html`<guard-test-host></guard-test-host>`);
    blocked = [];
    fired = [];
    guard = new NavigationGuard(host, {
      message: 'Provisioning is running.',
      onBlocked: (message, attempt) => blocked.push({ message, ...attempt }),
    });
    host.addEventListener('lc-navigation-blocked', (e) => fired.push(e));
  });
  afterEach(() => {
    guard.active = false;
    page.remove();
  });

  it('adds the beforeunload listener only while active and removes it after', () => {
    const added: string[] = [];
    const removed: string[] = [];
    const add = window.addEventListener;
    const remove = window.removeEventListener;
    window.addEventListener = function (this: Window, type: string, ...rest: unknown[]) {
      added.push(type);
      return (add as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof window.addEventListener;
    window.removeEventListener = function (this: Window, type: string, ...rest: unknown[]) {
      removed.push(type);
      return (remove as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof window.removeEventListener;
    try {
      expect(guard.isActive).to.equal(false);
      expect(beforeUnloadPrevented()).to.equal(false);
      guard.active = true;
      expect(guard.isActive).to.equal(true);
      expect(added).to.deep.equal(['beforeunload']);
      expect(beforeUnloadPrevented()).to.equal(true);
      guard.active = true; // no second listener
      expect(added).to.deep.equal(['beforeunload']);
      guard.active = false;
      expect(removed).to.deep.equal(['beforeunload']);
      expect(guard.isActive).to.equal(false);
      expect(beforeUnloadPrevented()).to.equal(false);
    } finally {
      window.addEventListener = add;
      window.removeEventListener = remove;
    }
  });

  it('holds back a click on a host page link while active, and explains; lets it through after', () => {
    const a = link('/__guard-test/elsewhere');
    expect(click(a), 'inactive: not blocked').to.equal(false);
    guard.active = true;
    expect(click(a), 'active: blocked').to.equal(true);
    expect(blocked).to.deep.equal([{ message: 'Provisioning is running.', url: a.href, kind: 'link' }]);
    expect(fired).to.have.length(1);
    expect(fired[0]!.url).to.equal(a.href);
    expect(fired[0]!.kind).to.equal('link');
    expect(fired[0]!.cancelable && fired[0]!.bubbles && fired[0]!.composed).to.equal(true);
    guard.active = false;
    expect(click(a), 'released: not blocked').to.equal(false);
    expect(blocked).to.have.length(1);
  });

  it('finds links inside shadow roots of the host page, and the click target inside a link', () => {
    const holder = document.createElement('div');
    page.appendChild(holder);
    const root = holder.attachShadow({ mode: 'open' });
    root.innerHTML = '<a href="/__guard-test/shadow"><span>deep</span></a>';
    guard.active = true;
    expect(click(root.querySelector('span')!)).to.equal(true);
    expect(blocked[0]!.url).to.equal(new URL('/__guard-test/shadow', location.href).href);
  });

  it('lets a navigation through when the host vetoes lc-navigation-blocked', () => {
    const a = link('/__guard-test/router');
    guard.active = true;
    const veto = (e: Event) => e.preventDefault();
    document.addEventListener('lc-navigation-blocked', veto);
    try {
      expect(click(a)).to.equal(false);
    } finally {
      document.removeEventListener('lc-navigation-blocked', veto);
    }
    expect(fired).to.have.length(1);
    expect(blocked, 'no explanation when the host took over').to.have.length(0);
  });

  it('does not hold back new-tab, modified, download, same-page and non-http links', () => {
    guard.active = true;
    expect(click(link('/__guard-test/a', { target: '_blank' })), 'target=_blank').to.equal(false);
    expect(click(link('/__guard-test/a', { target: 'other-window' })), 'named target').to.equal(false);
    expect(click(link('/__guard-test/a', { download: '' })), 'download').to.equal(false);
    const a = link('/__guard-test/a');
    expect(click(a, { ctrlKey: true }), 'ctrl').to.equal(false);
    expect(click(a, { metaKey: true }), 'meta').to.equal(false);
    expect(click(a, { shiftKey: true }), 'shift').to.equal(false);
    expect(click(a, { button: 1 }), 'middle button').to.equal(false);
    expect(click(link('#section')), 'same-page fragment').to.equal(false);
    expect(click(link('mailto:support@example.com')), 'mailto').to.equal(false);
    expect(blocked).to.have.length(0);
    expect(click(link('/__guard-test/a', { target: '_top' })), 'target=_top leaves').to.equal(true);
  });

  it('does not hold back the widget’s own links', () => {
    const own = document.createElement('a');
    own.href = '/__guard-test/own';
    own.textContent = 'own';
    host.renderRoot.appendChild(own);
    guard.active = true;
    expect(click(own)).to.equal(false);
  });

  it('holds back form submissions of the host page, but not dialog or new-tab forms', () => {
    const form = document.createElement('form');
    form.action = '/__guard-test/form';
    form.innerHTML = '<input name="q" value="x"><button>Go</button>';
    page.appendChild(form);
    expect(submit(form)).to.equal(false);
    guard.active = true;
    expect(submit(form)).to.equal(true);
    expect(blocked[0]).to.deep.include({ kind: 'form', url: new URL('/__guard-test/form?', location.href).href.replace(/\?$/, '') });
    form.target = '_blank';
    expect(submit(form)).to.equal(false);
    form.target = '';
    form.method = 'dialog';
    expect(submit(form)).to.equal(false);
  });

  it('cancels navigations the Navigation API reports', async function () {
    if (!navigationApi) this.skip();
    const nav = navigationApi!;
    guard.active = true;
    let prevented: boolean | undefined;
    const net = (event: Event) => {
      prevented = event.defaultPrevented;
      if (event.cancelable) event.preventDefault();
    };
    nav.addEventListener('navigate', net);
    try {
      const result = nav.navigate('/__guard-test/navigated');
      await Promise.allSettled([result.committed, result.finished]);
    } finally {
      nav.removeEventListener('navigate', net);
    }
    expect(prevented).to.equal(true);
    expect(blocked).to.deep.equal([{ message: 'Provisioning is running.', url: new URL('/__guard-test/navigated', location.href).href, kind: 'navigate' }]);
  });

  it('removes every listener when the host disconnects, and restores them when it comes back', () => {
    guard.active = true;
    const removed: string[] = [];
    const spy = (target: EventTarget) => {
      const original = target.removeEventListener;
      target.removeEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
        removed.push(type);
        return (original as (...a: unknown[]) => void).call(this, type, ...rest);
      } as typeof target.removeEventListener;
      return () => (target.removeEventListener = original);
    };
    const restore = [spy(window), spy(document), ...(navigationApi ? [spy(navigationApi)] : [])];
    const parent = host.parentNode!;
    try {
      host.remove();
    } finally {
      restore.forEach((undo) => undo());
    }
    expect(removed).to.have.members(['beforeunload', 'click', 'submit', ...(navigationApi ? ['navigate'] : [])]);
    expect(guard.isActive).to.equal(false);
    expect(guard.active, 'still wanted').to.equal(true);
    expect(beforeUnloadPrevented()).to.equal(false);
    expect(click(link('/__guard-test/after'))).to.equal(false);
    parent.appendChild(host);
    expect(guard.isActive).to.equal(true);
    expect(beforeUnloadPrevented()).to.equal(true);
  });
});

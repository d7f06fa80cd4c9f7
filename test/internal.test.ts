import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { AbortOnDisconnect } from '../src/internal/abort-on-disconnect.js';
import { InteractionStates } from '../src/internal/interaction-states.js';
import { LookupController } from '../src/internal/lookup.js';
import { sleep } from '../src/internal/sleep.js';

/** How a promise ended, without waiting longer than `ms` for it. */
async function outcome(promise: Promise<unknown>, ms = 0): Promise<'resolved' | 'pending' | unknown> {
  let state: unknown = 'pending';
  promise.then(
    () => (state = 'resolved'),
    (error: unknown) => (state = error),
  );
  await aTimeout(ms);
  return state;
}

/** A bare host for controllers: it counts its renders. */
class ControllerHost extends LitElement {
  renders = 0;
  protected override render() {
    this.renders++;
    return html``;
  }
}
customElements.define('test-controller-host', ControllerHost);

/** A host whose look-up asks about `query`; each call is recorded with its signal and settles by hand. */
class LookupHost extends LitElement {
  static override properties = { query: { attribute: false } };
  query = '';
  readonly calls: Array<{ query: string; signal: AbortSignal; settle: (value: string) => void; fail: (error: Error) => void }> = [];
  readonly lookup = new LookupController(this, {
    args: () => [this.query] as const,
    lookup: ([query]) =>
      query
        ? (signal: AbortSignal) =>
            new Promise<string>((settle, fail) => this.calls.push({ query, signal, settle, fail }))
        : undefined,
    debounce: 300,
  });
}
customElements.define('test-lookup-host', LookupHost);

describe('src/internal', () => {
  describe('sleep()', () => {
    it('resolves after the time given, not before', async () => {
      const waiting = sleep(80);
      expect(await outcome(waiting, 20)).to.equal('pending');
      expect(await outcome(waiting, 100)).to.equal('resolved');
      expect(await outcome(sleep(0))).to.equal('resolved');
    });

    it('rejects with the signal’s reason as soon as it aborts, and at once when it already has', async () => {
      const controller = new AbortController();
      const waiting = sleep(10_000, controller.signal);
      const reason = new Error('superseded');
      controller.abort(reason);
      expect(await outcome(waiting)).to.equal(reason);
      expect(await outcome(sleep(10, controller.signal))).to.equal(reason);
    });
  });

  describe('AbortOnDisconnect', () => {
    it('keeps one request at a time: a newer one aborts the one before', async () => {
      const host = await fixture<ControllerHost>(html`<test-controller-host></test-controller-host>`);
      const requests = new AbortOnDisconnect(host);
      const first = requests.start();
      const second = requests.start();
      expect(first.signal.aborted).to.equal(true);
      expect(second.signal.aborted).to.equal(false);
      requests.finish(first);
      host.remove();
      expect(second.signal.aborted, 'finishing a superseded request leaves the current one').to.equal(true);

      document.body.append(host);
      const third = requests.start();
      requests.finish(third);
      host.remove();
      expect(third.signal.aborted, 'a finished request is not aborted').to.equal(false);
    });

    it('aborts the request under way when the host leaves the page, and says so once', async () => {
      const host = await fixture<ControllerHost>(html`<test-controller-host></test-controller-host>`);
      let left = 0;
      const requests = new AbortOnDisconnect(host, () => left++);
      host.remove();
      expect(left, 'nothing was under way').to.equal(0);
      document.body.append(host);
      const request = requests.start();
      host.remove();
      expect(request.signal.aborted).to.equal(true);
      expect(left).to.equal(1);
    });

    it('run() ends quietly on an abort and passes other errors on', async () => {
      const host = await fixture<ControllerHost>(html`<test-controller-host></test-controller-host>`);
      const requests = new AbortOnDisconnect(host);
      let finished = false;
      const running = requests.run(async (signal) => {
        await sleep(10_000, signal);
        finished = true;
      });
      host.remove();
      expect(await outcome(running)).to.equal('resolved');
      expect(finished).to.equal(false);
      const broken = new Error('broken');
      expect(
        await outcome(
          requests.run(async () => {
            throw broken;
          }),
        ),
      ).to.equal(broken);
    });
  });

  describe('LookupController', () => {
    it('sends one look-up for quick changes, for the last value, after the pause', async () => {
      const host = await fixture<LookupHost>(html`<test-lookup-host></test-lookup-host>`);
      for (const query of ['c', 'co', 'con']) {
        host.query = query;
        await aTimeout(10);
      }
      expect(host.calls, 'nothing goes out while typing').to.have.length(0);
      expect(host.lookup.pending).to.equal(true);
      await waitUntil(() => host.calls.length > 0, 'no look-up went out');
      await aTimeout(350);
      expect(host.calls.map((call) => call.query)).to.deep.equal(['con']);
      host.calls[0]!.settle('Contoso');
      await waitUntil(() => host.lookup.value === 'Contoso');
      expect(host.lookup.pending).to.equal(false);
    });

    it('asks nothing while there is nothing to look up', async () => {
      const host = await fixture<LookupHost>(html`<test-lookup-host></test-lookup-host>`);
      await aTimeout(100);
      expect(host.calls).to.have.length(0);
      expect(host.lookup.pending).to.equal(false);
      expect(host.lookup.value).to.equal(undefined);
    });

    it('aborts a superseded request; run() and skipDebounce() send without the pause', async () => {
      const host = await fixture<LookupHost>(html`<test-lookup-host></test-lookup-host>`);
      host.lookup.skipDebounce();
      host.query = 'fab';
      await waitUntil(() => host.calls.length === 1);
      host.lookup.skipDebounce();
      host.query = 'fabrikam';
      await waitUntil(() => host.calls.length === 2, 'the skipped pause was waited for', { interval: 5, timeout: 150 });
      expect(host.calls[0]!.signal.aborted, 'the superseded request').to.equal(true);
      host.calls[1]!.fail(new Error('503'));
      await waitUntil(() => host.lookup.failed);
      expect(host.lookup.value).to.equal(undefined);
      host.lookup.run();
      await waitUntil(() => host.calls.length === 3, 'Retry waited for the pause', { interval: 5, timeout: 150 });
      expect(host.calls[2]!.query).to.equal('fabrikam');
      expect(host.lookup.failed).to.equal(false);
    });

    it('aborts on disconnect, is not failed meanwhile, and looks up again at once on return', async () => {
      const host = await fixture<LookupHost>(html`<test-lookup-host></test-lookup-host>`);
      host.lookup.skipDebounce();
      host.query = 'northwind';
      await waitUntil(() => host.calls.length === 1);
      const parent = host.parentElement!;
      host.remove();
      expect(host.calls[0]!.signal.aborted).to.equal(true);
      await aTimeout(0);
      expect(host.lookup.failed, 'a look-up cut off by leaving is not a failure').to.equal(false);
      expect(host.lookup.pending).to.equal(true);
      parent.append(host);
      await waitUntil(() => host.calls.length === 2, 'no look-up on return', { interval: 5, timeout: 150 });
      host.calls[1]!.settle('Northwind Traders');
      await waitUntil(() => host.lookup.value === 'Northwind Traders');
    });
  });

  describe('InteractionStates', () => {
    it('shows an error once the field was changed and left, when prefilled, or after submit; each change re-renders', async () => {
      const host = await fixture<ControllerHost>(html`<test-controller-host></test-controller-host>`);
      const states = new InteractionStates(host);
      const messages = { name: 'Enter a name.', email: 'Enter an email.', city: 'Enter a city.' };
      expect(states.visible(messages)).to.deep.equal({});

      const renders = host.renders;
      states.edited('name');
      await host.updateComplete;
      expect(host.renders, 'an edit re-renders').to.equal(renders + 1);
      expect(states.visible(messages), 'changed, not yet left').to.deep.equal({});
      states.touched('name');
      await host.updateComplete;
      expect(host.renders, 'leaving re-renders').to.equal(renders + 2);
      expect(states.visible(messages)).to.deep.equal({ name: 'Enter a name.' });

      states.touched('email');
      expect(states.visible(messages), 'left without a change').to.not.have.property('email');
      states.prefill('city', 'Redmond');
      expect(states.visible(messages), 'a prefilled value’s error shows at once').to.have.property('city');
      states.edited('city');
      expect(states.visible(messages), 'an edit makes the value the user’s: its error waits until it is left').to.not.have.property('city');
      states.prefill('email', '  ');
      expect(states.visible(messages), 'a blank value is not prefilled').to.not.have.property('email');
      expect(states.visible(messages, (name) => name === 'email'), 'a step’s own reason').to.have.property('email');

      states.submit();
      await host.updateComplete;
      expect(states.submitted).to.equal(true);
      expect(states.visible(messages)).to.deep.equal(messages);
    });
  });
});

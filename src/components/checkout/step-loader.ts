import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { Step } from '../../checkout/machine-state.js';
import { stepPlaceholderTemplate } from './checkout.templates.js';
import { checkoutCore, type ShellText } from './core-registry.js';

type LazyStep = Exclude<Step, 'cart'>;
/** What loads when first needed: the checkout's core (see `checkout-core.ts`), each step's element. */
type Part = 'core' | LazyStep;

/**
 * The element of every step after the cart, and its code. Dynamic imports: the script-tag
 * build puts them (with the core) in one file beside `license-checkout.js`, fetched relative
 * to it, so any CDN path works; a bundler makes chunks of its own. In flow order.
 */
const STEP_CODE: Record<LazyStep, readonly [tag: string, load: () => Promise<unknown>]> = {
  'customer-type': ['lc-customer-type', () => import('../customer-type/customer-type.js')],
  'customer-details': ['lc-customer-details', () => import('../customer-details/customer-details.js')],
  'tenant-domain': ['lc-tenant-domain', () => import('../tenant-domain/tenant-domain.js')],
  agreement: ['lc-agreement', () => import('../agreement/agreement.js')],
  review: ['lc-order-review', () => import('../order-review/order-review.js')],
  provisioning: ['lc-provisioning', () => import('../provisioning/provisioning.js')],
};

/** The checkout's core (`checkout-core.ts`): every step after the cart needs it. */
const loadCore = (): Promise<unknown> => import('./checkout-core.js');

/** Whether `part`'s code is there. */
const loaded = (part: Part): boolean => (part === 'core' ? checkoutCore() !== undefined : customElements.get(STEP_CODE[part][0]) !== undefined);

/**
 * A browser remembers a module file that failed to load for the page's lifetime: importing it
 * again fails at once, without a request. The script-tag build therefore appends
 * `import.meta.lcRetry` to the URL of the step files it imports (`retryableStepFiles` in
 * vite.config.ts; this module and those imports end up in the same file, so they share
 * `import.meta`). After a failure it changes, so the next load is a new request. Elsewhere
 * (a bundler's build, the sources) it is set and never read.
 */
let failures = 0;
function nextUrlAfterFailure(): void {
  (import.meta as ImportMeta & { lcRetry?: string }).lcRetry = `?retry=${++failures}`;
}

const idle = (fn: () => void): void => {
  if ('requestIdleCallback' in window) requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 50);
};

/**
 * Loads the checkout's core and each step's code when a step after the cart is first shown,
 * and all of it while the browser is idle once the cart is usable, so that moving on does not
 * wait for the network. Until the core is there and the step's element is defined,
 * `placeholder()` renders the step's heading and "loading"; a failed load shows what failed
 * and a Retry button, never a blank step. With the core and every element already there
 * (`import 'license-checkout'` has them all) it renders nothing and loads nothing.
 */
export class StepLoader implements ReactiveController {
  /** Loads under way or done. A failed one is removed, so the next ask loads again. */
  private readonly _loads = new Map<Part, Promise<unknown>>();
  /** What failed to load while a step on screen waited for it: that step shows Retry. */
  private readonly _failed = new Set<Part>();
  private _prefetching = false;
  /** The placeholder's heading had focus when its step's element arrived: the element's heading takes it. */
  private _refocus = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: {
      /** The step on screen (before the core is there: the one it will show). */
      step: () => Step;
      /** Whether the cart is usable (its catalog is there): the time to fetch the rest. */
      cartReady: () => boolean;
      text: ShellText;
    },
  ) {
    host.addController(this);
  }

  /** What `step` still waits for before it can render (the core first), or undefined. */
  missing(step: Step): Part | undefined {
    if (step === 'cart') return undefined;
    if (!loaded('core')) return 'core';
    return loaded(step) ? undefined : step;
  }

  /** What to show for `step` until it can render (starting the load it waits for); undefined once it can. */
  placeholder(step: Step): TemplateResult | undefined {
    const part = this.missing(step);
    if (!part) return undefined;
    const failed = this._failed.has(part);
    if (!failed) void this.load(part);
    const t = this.options.text;
    return stepPlaceholderTemplate({
      step,
      className: 'step-loading',
      heading: t(`checkout.step.${step}`),
      loading: t('checkout.stepLoading'),
      failed: failed ? t('checkout.stepFailed') : undefined,
      t,
      retry: () => {
        this._failed.delete(part);
        this.host.requestUpdate();
        // The Retry button goes away: focus waits on the step's heading, and moves into the step when it arrives.
        void this.host.updateComplete.then(() => this.host.shadowRoot?.querySelector<HTMLElement>('.step-loading h2')?.focus());
      },
    });
  }

  /** Forgets what failed: the user left the step that showed it, and the next step shown loads again. */
  forgetFailures(): void {
    this._failed.clear();
  }

  /** Loads `part`'s code (once; again after a failure). Rejects when it cannot be loaded. */
  load(part: Part): Promise<unknown> {
    let loading = this._loads.get(part);
    if (!loading) {
      loading = part === 'core' ? loadCore() : STEP_CODE[part][1]();
      this._loads.set(part, loading);
      loading.then(
        () => {
          // The core is taken up by the host in its next update, shown or not; a step when it is shown.
          if (part === 'core' || this.options.step() === part) this.host.requestUpdate();
        },
        (error: unknown) => {
          this._loads.delete(part);
          nextUrlAfterFailure();
          // A prefetch that failed is tried again when a step needs it; a shown step says so.
          const step = this.options.step();
          if (this.missing(step) !== part) return;
          console.warn(`license-checkout: the code of the step "${step}" could not be loaded.`, error);
          this._failed.add(part);
          this.host.requestUpdate();
        },
      );
    }
    return loading;
  }

  hostUpdate(): void {
    const placeholder = this.host.shadowRoot?.querySelector('.step-loading');
    if (placeholder?.contains(this.host.shadowRoot!.activeElement) && !this.missing(this.options.step())) this._refocus = true;
  }

  hostUpdated(): void {
    if (this._refocus) {
      this._refocus = false;
      const el = this.host.shadowRoot!.querySelector<HTMLElement & { focusHeading?: () => void; updateComplete?: Promise<unknown> }>(
        `[data-step="${this.options.step()}"]`,
      );
      void el?.updateComplete?.then(() => el.focusHeading?.());
    }
    if (!this._prefetching && this.options.cartReady()) {
      this._prefetching = true;
      this._prefetch(['core', ...(Object.keys(STEP_CODE) as LazyStep[])]);
    }
  }

  /** One after the other, each when the browser is idle; failures are left for when a shown step needs it. */
  private _prefetch(parts: Part[]): void {
    const [next, ...rest] = parts.filter((part) => !loaded(part));
    if (!next) return;
    idle(() => {
      void this.load(next).then(
        () => this._prefetch(rest),
        () => this._prefetch(rest),
      );
    });
  }
}

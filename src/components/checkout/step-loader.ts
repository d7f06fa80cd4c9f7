import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { Step } from '../../checkout/machine.js';
import type { CheckoutStrings } from './checkout.strings.js';
import { stepPlaceholderTemplate } from './checkout.templates.js';

type LazyStep = Exclude<Step, 'cart'>;
type Text = (key: keyof CheckoutStrings & string) => string;

/**
 * The element of every step after the cart, and its code. Dynamic imports: the script-tag
 * build makes a file of each (beside `license-checkout.js`, fetched relative to it, so any
 * CDN path works), and a bundler does the same with its own chunking. In flow order.
 */
const STEP_CODE: Record<LazyStep, readonly [tag: string, load: () => Promise<unknown>]> = {
  'customer-type': ['lc-customer-type', () => import('../customer-type/customer-type.js')],
  'customer-details': ['lc-customer-details', () => import('../customer-details/customer-details.js')],
  'tenant-domain': ['lc-tenant-domain', () => import('../tenant-domain/tenant-domain.js')],
  agreement: ['lc-agreement', () => import('../agreement/agreement.js')],
  review: ['lc-order-review', () => import('../order-review/order-review.js')],
  provisioning: ['lc-provisioning', () => import('../provisioning/provisioning.js')],
};

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
 * Loads each step's code when the step is first shown, and every step's code while the
 * browser is idle once the cart is usable, so that moving on does not wait for the network.
 * Until a step's element is defined, `placeholder()` renders its heading and "loading"; a
 * failed load shows what failed and a Retry button, never a blank step. With every element
 * already defined (`import 'license-checkout'` defines them all) it renders nothing and loads nothing.
 */
export class StepLoader implements ReactiveController {
  /** Loads under way or done, by step. A failed one is removed, so the next ask loads again. */
  private readonly _loads = new Map<LazyStep, Promise<unknown>>();
  /** Steps whose load failed while they were on screen: they show Retry. */
  private readonly _failed = new Set<LazyStep>();
  private _prefetching = false;
  /** The placeholder's heading had focus when its step's element arrived: the element's heading takes it. */
  private _refocus = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: {
      /** The step on screen. */
      step: () => Step;
      /** Whether the cart is usable (its catalog is there): the time to fetch the rest. */
      cartReady: () => boolean;
      text: Text;
    },
  ) {
    host.addController(this);
  }

  /** Whether `step`'s element is defined, so it can render now. */
  ready(step: Step): boolean {
    return step === 'cart' || customElements.get(STEP_CODE[step][0]) !== undefined;
  }

  /** What to show for `step` until its element is defined (starting its load); undefined once it is. */
  placeholder(step: Step): TemplateResult | undefined {
    if (step === 'cart' || this.ready(step)) return undefined;
    const failed = this._failed.has(step);
    if (!failed) void this.load(step);
    const t = this.options.text;
    return stepPlaceholderTemplate({
      step,
      className: 'step-loading',
      heading: t(`checkout.step.${step}`),
      loading: t('checkout.stepLoading'),
      failed: failed ? t('checkout.stepFailed') : undefined,
      t,
      retry: () => {
        this._failed.delete(step);
        this.host.requestUpdate();
        // The Retry button goes away: focus waits on the step's heading, and moves into the step when it arrives.
        void this.host.updateComplete.then(() => this.host.shadowRoot?.querySelector<HTMLElement>('.step-loading h2')?.focus());
      },
    });
  }

  /** Loads `step`'s code (once; again after a failure). Rejects when it cannot be loaded. */
  load(step: LazyStep): Promise<unknown> {
    let loading = this._loads.get(step);
    if (!loading) {
      loading = STEP_CODE[step][1]();
      this._loads.set(step, loading);
      loading.then(
        () => {
          if (this.options.step() === step) this.host.requestUpdate();
        },
        (error: unknown) => {
          this._loads.delete(step);
          nextUrlAfterFailure();
          // A prefetch that failed is tried again when the step is shown; a shown step says so.
          if (this.options.step() !== step) return;
          console.warn(`license-checkout: the code of the step "${step}" could not be loaded.`, error);
          this._failed.add(step);
          this.host.requestUpdate();
        },
      );
    }
    return loading;
  }

  hostUpdate(): void {
    const placeholder = this.host.shadowRoot?.querySelector('.step-loading');
    if (placeholder?.contains(this.host.shadowRoot!.activeElement) && this.ready(this.options.step())) this._refocus = true;
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
      this._prefetch(Object.keys(STEP_CODE) as LazyStep[]);
    }
  }

  /** One step after the other, each when the browser is idle; failures are left for when the step is shown. */
  private _prefetch(steps: LazyStep[]): void {
    const [next, ...rest] = steps.filter((step) => !this.ready(step));
    if (!next) return;
    idle(() => {
      void this.load(next).then(
        () => this._prefetch(rest),
        () => this._prefetch(rest),
      );
    });
  }
}

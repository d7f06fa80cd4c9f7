import type { LitElement, ReactiveController } from 'lit';
import type { CheckoutState, Step } from '../../checkout/machine-state.js';
import { stepsFor } from '../../checkout/machine-steps.js';
import { LcStepChangeEvent } from '../../events/step-change.js';

/**
 * What a step change of `<lc-checkout>` does besides rendering, once the new step is on
 * screen: `lc-step-change`, and focus on the new step's heading (unless nobody acted, as when
 * a reload resumes an order). Part of the checkout's core: only the machine changes steps.
 */
export class StepChanges implements ReactiveController {
  /** The step before the pending step change. */
  private _from?: Step;
  /** A step change that no user action caused: fired, but focus stays put. */
  private _quiet = false;
  private _refocus = false;
  private _seen?: CheckoutState;

  constructor(
    private readonly host: LitElement,
    private readonly state: () => CheckoutState,
  ) {
    host.addController(this);
  }

  /** The step changed from `from`: fired and focused after the update. */
  changed(from: Step): void {
    this._from ??= from;
  }

  /** The next step change is nobody's doing (a resume on load). */
  quiet(): void {
    this._quiet = true;
  }

  hostUpdate(): void {
    const before = this._seen;
    const now = this.state();
    this._seen = now;
    // The agreement arrived while its placeholder's heading had focus: the step's own heading takes it.
    const placeholder = this.host.renderRoot.querySelector('.agreement-loading');
    if (before && !before.agreement && now.agreement && placeholder?.contains(this.host.shadowRoot!.activeElement)) this._refocus = true;
  }

  hostUpdated(): void {
    if (this._refocus) {
      this._refocus = false;
      void this._focusStep();
    }
    const previous = this._from;
    if (previous === undefined) return;
    this._from = undefined;
    const quiet = this._quiet;
    this._quiet = false;
    const state = this.state();
    if (state.step === previous) return;
    this.host.dispatchEvent(new LcStepChangeEvent(state.step, previous, stepsFor(state)));
    if (!quiet) void this._focusStep();
  }

  /** Moves focus to the new step's heading once it has rendered. */
  private async _focusStep(): Promise<void> {
    const current = [...this.host.renderRoot.querySelectorAll<HTMLElement & { focusHeading?: () => void; updateComplete?: Promise<unknown> }>('[data-step]')].find(
      (el) => !el.hidden,
    );
    if (!current) return;
    await current.updateComplete;
    if (typeof current.focusHeading === 'function') {
      current.focusHeading();
      return;
    }
    // Elements without focusHeading (the cart, our own placeholder): their focusable heading.
    (current.shadowRoot ?? current).querySelector<HTMLElement>('[tabindex="-1"], h2')?.focus();
  }
}

import type { Step } from '../checkout/machine.js';

/**
 * Fired by `<lc-checkout>` after the current step changed (Next, Back, a step-list link, an
 * Edit link on the review, a placed order). Not fired for the first step shown.
 */
export class LcStepChangeEvent extends Event {
  static readonly eventName = 'lc-step-change' as const;

  /** The step now shown. */
  readonly step: Step;
  /** The step shown before. */
  readonly previousStep: Step;
  /** The steps of the current path, in order (they depend on the recipient). */
  readonly steps: readonly Step[];

  constructor(step: Step, previousStep: Step, steps: readonly Step[]) {
    super(LcStepChangeEvent.eventName, { bubbles: true, composed: true });
    this.step = step;
    this.previousStep = previousStep;
    this.steps = steps;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-step-change': LcStepChangeEvent;
  }
}

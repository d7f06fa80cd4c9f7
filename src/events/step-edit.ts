import type { Step } from '../checkout/machine.js';

/**
 * Fired when the user asks to go back to an earlier step to change it: an "Edit" link on
 * the review. `<lc-checkout>` goes there; the entered values are kept.
 */
export class LcStepEditEvent extends Event {
  static readonly eventName = 'lc-step-edit' as const;

  /** The step to go back to. */
  readonly step: Step;

  constructor(step: Step) {
    super(LcStepEditEvent.eventName, { bubbles: true, composed: false });
    this.step = step;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-step-edit': LcStepEditEvent;
  }
}

import type { Step } from '../checkout/machine.js';

/**
 * Fired by a step element when the user presses its Continue button and the step's own
 * checks pass: the step's value, ready for the next step. Cancelable, so a host composing
 * its own page can keep the user on the step.
 */
export class LcStepNextEvent<T = unknown> extends Event {
  static readonly eventName = 'lc-step-next' as const;

  readonly step: Step;
  readonly value: T;

  constructor(step: Step, value: T) {
    super(LcStepNextEvent.eventName, { bubbles: true, composed: false, cancelable: true });
    this.step = step;
    this.value = value;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-step-next': LcStepNextEvent;
  }
}

import type { Step } from '../checkout/machine.js';

/**
 * Fired by a step element whenever the user changes something on it: the step's whole
 * draft value after the change. `<lc-checkout>` keeps it, so nothing typed is lost when
 * the user goes back and forth or a request fails. Never fired because the owner set a
 * property.
 */
export class LcStepInputEvent<T = unknown> extends Event {
  static readonly eventName = 'lc-step-input' as const;

  readonly step: Step;
  readonly value: T;

  constructor(step: Step, value: T) {
    super(LcStepInputEvent.eventName, { bubbles: true, composed: false });
    this.step = step;
    this.value = value;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-step-input': LcStepInputEvent;
  }
}

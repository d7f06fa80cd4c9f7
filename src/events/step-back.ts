import type { Step } from '../checkout/machine.js';

/** Fired by a step element when the user presses its Back button. */
export class LcStepBackEvent extends Event {
  static readonly eventName = 'lc-step-back' as const;

  readonly step: Step;

  constructor(step: Step) {
    super(LcStepBackEvent.eventName, { bubbles: true, composed: false });
    this.step = step;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-step-back': LcStepBackEvent;
  }
}

/**
 * Where `<lc-checkout>` finds its core (`checkout-core.ts`: the rules, the order, the steps'
 * templates), which registers itself here when its module is evaluated. Read synchronously:
 * `import 'license-checkout'` (index.ts) imports the core statically, so the checkout has it
 * from its first update; the script-tag file and `license-checkout/lazy` load it like a step.
 */
import type { TemplateResult, nothing } from 'lit';
import type { CheckoutApi } from '../../api/api.js';
import type { LcElement } from '../../base/lc-element.js';
import type { CartController } from '../../checkout/cart-controller.js';
import type { CheckoutAction, CheckoutState } from '../../checkout/machine-state.js';
import type { LcStepInputEvent } from '../../events/step-input.js';
import type { LcStepNextEvent } from '../../events/step-next.js';
import type { CheckoutLayout } from './checkout.layout.js';
import type { StringOverrides } from '../../i18n/strings.js';
import type { CheckoutShellStrings } from './checkout-shell.strings.js';
import type { CheckoutStrings } from './checkout.strings.js';

/** The text of the checkout (the core's), and of its shell alone (the step list, a step loading). */
export type CheckoutText = (key: keyof CheckoutStrings & string, values?: Record<string, string | number>) => string;
export type ShellText = (key: keyof CheckoutShellStrings & string, values?: Record<string, string | number>) => string;

/** What the core gets from `<lc-checkout>`, the shell it runs in. */
export interface CoreHost {
  /** The element: the core's controllers are its controllers, its events are the element's. */
  readonly element: LcElement;
  readonly cart: CartController;
  readonly layout: CheckoutLayout;
  /** Says `message` in the element's live region. */
  announce(message: string): void;
  /** The element's `strings`, now. */
  strings(): StringOverrides | undefined;
  /** The element's `reset()` ("Start a new order"). */
  reset(): void;
}

/** What `<lc-checkout>` asks of its core. */
export interface CheckoutCore {
  /** The machine's state. */
  readonly state: CheckoutState;
  /** The state as the `state` property hands it out (without a completed order's credentials). */
  readonly publicState: CheckoutState;
  readonly provisioningActive: boolean;
  /** Feeds one action through the machine; returns the new state (the same object when ignored). */
  apply(action: CheckoutAction): CheckoutState;
  /** The element's client changed (or the core just arrived): `scope` names the backend's storage. */
  configure(client: CheckoutApi | undefined, scope: string): void;
  /** See `<lc-checkout>.reset()`; returns whether it applied. */
  reset(): boolean;
  stepInput(event: LcStepInputEvent): void;
  stepNext(event: LcStepNextEvent): void;
  renderNotice(): TemplateResult | typeof nothing;
  renderSummary(): TemplateResult | typeof nothing;
  /** The current step's element, once its code is there (the cart is the element's own). */
  renderStep(): TemplateResult | typeof nothing;
}

export type CoreFactory = (host: CoreHost) => CheckoutCore;

let registered: CoreFactory | undefined;

/** Called once by `checkout-core.ts` when it is evaluated (a second copy of it changes nothing). */
export function registerCheckoutCore(factory: CoreFactory): void {
  registered ??= factory;
}

/** The core, once its module was evaluated. */
export function checkoutCore(): CoreFactory | undefined {
  return registered;
}

/**
 * The checkout's entries in the tab's `sessionStorage`, per backend: the order's reference
 * (`order-storage.ts`) and the draft (`draft-storage.ts`), read and written as JSON. Apart
 * from them, with nothing that validates what is stored: `<lc-checkout>` asks
 * `storedResumeStep()` on load, before the code that restores them has loaded.
 */
import { STEPS, type Step } from './machine-state.js';

/** The draft's format; bumped when the stored shape changes, so an older draft is discarded, not misread. */
export const DRAFT_VERSION = 1;

/** The storage key for a backend: `license-checkout:order:<scope>`. */
export function orderStorageKey(scope: string): string {
  return `license-checkout:order:${scope}`;
}

/** The tab's storage, or undefined where it is unavailable (disabled, sandboxed frame). */
function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** What is stored under `key` (`value` undefined when it is no JSON), or undefined when nothing is. */
export function readStored(key: string): { value: unknown } | undefined {
  let text: string | null | undefined;
  try {
    text = storage()?.getItem(key);
  } catch {
    return undefined;
  }
  if (text == null) return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { value: undefined };
  }
}

/** Stores `value` as JSON under `key`; on failure (quota, privacy mode) warns with `lost` and returns false. */
export function writeStored(key: string, value: unknown, lost: string): boolean {
  try {
    storage()?.setItem(key, JSON.stringify(value));
    return true;
  } catch (error) {
    // The checkout itself still works; only what a reload would bring back is lost.
    console.warn(`license-checkout: ${lost}`, error);
    return false;
  }
}

export function removeStored(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing stored where there is no storage.
  }
}

/** The draft's storage key for a backend: `license-checkout:draft:<scope>`. */
export function draftStorageKey(scope: string): string {
  return `license-checkout:draft:${scope}`;
}

/**
 * What a reload must restore at once for `scope`, from what is stored, unchecked: the step it
 * comes back to (`provisioning` for a placed order, the draft's step when past the cart, `cart`
 * for an order still being sent from the cart), or undefined when nothing is stored beyond
 * the cart. What is stored is validated when it is restored, and may be discarded then.
 */
export function storedResumeStep(scope: string): Step | undefined {
  const order = readStored(orderStorageKey(scope))?.value;
  if (order && typeof order === 'object' && 'orderId' in order) return 'provisioning';
  const draftStep = (readStored(draftStorageKey(scope))?.value as { step?: unknown } | undefined)?.step;
  const step = STEPS.find((known) => known === draftStep && known !== 'cart');
  if (step) return step;
  return order && typeof order === 'object' ? 'cart' : undefined;
}

import { createContext } from '@lit/context';
import type { CheckoutApi } from '../api/api.js';

/**
 * Context keys, all in one module. `<lc-checkout>` provides them; a step used alone falls
 * back to its own properties.
 */

/** The backend client every element talks through. */
export const apiContext = createContext<CheckoutApi | undefined>(Symbol('lc-api'));

/** The locale for `Intl` formatting (`<lc-checkout lang>` or the page's `lang`). */
export const langContext = createContext<string | undefined>(Symbol('lc-lang'));

/** Overrides of the default strings (`<lc-checkout>.strings`). */
export const stringsContext = createContext<Record<string, string> | undefined>(Symbol('lc-strings'));

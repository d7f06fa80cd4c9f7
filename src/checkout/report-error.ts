import { LcErrorEvent, type ErrorContext } from '../events/error.js';

/** Reports a failed backend call as `lc-error`; a superseded or disconnected call is not a failure. */
export function reportError(target: EventTarget, error: unknown, context: ErrorContext): void {
  if (error instanceof DOMException && error.name === 'AbortError') return;
  target.dispatchEvent(new LcErrorEvent(error, context));
}

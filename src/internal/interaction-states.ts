import type { ReactiveControllerHost } from 'lit';

/**
 * Each field's interaction states, as Lion's form controls track them: `dirty` (the user
 * changed it), `touched` (the user left it), `prefilled` (its value came from the owner),
 * and the form's `submitted` (Continue was pressed). Every change re-renders the host, so
 * which errors show is derived state, not a counter to bump.
 *
 * The rule (STYLE.md): a field's error shows once it was changed and left, when it was
 * prefilled, or once the form was submitted.
 */
export class InteractionStates {
  private readonly _dirty = new Set<string>();
  private readonly _touched = new Set<string>();
  private readonly _prefilled = new Set<string>();
  private _submitted = false;

  /** `host` re-renders on every change of state. */
  constructor(private readonly _host: ReactiveControllerHost) {}

  /** The user changed the field: its value is now theirs, no longer prefilled. */
  edited(name: string): void {
    this._dirty.add(name);
    this._prefilled.delete(name);
    this._host.requestUpdate();
  }

  /** The user left the field. */
  touched(name: string): void {
    this._touched.add(name);
    this._host.requestUpdate();
  }

  /** The owner gave the field `value`: a non-blank one counts as prefilled. */
  prefill(name: string, value: string): void {
    if (value.trim()) this._prefilled.add(name);
    else this._prefilled.delete(name);
    this._host.requestUpdate();
  }

  /** Continue was pressed: every error shows from now on. */
  submit(): void {
    this._submitted = true;
    this._host.requestUpdate();
  }

  get submitted(): boolean {
    return this._submitted;
  }

  /** Whether the field's error shows now; `also` adds a step's own reasons (a backend message). */
  shows(name: string, also = false): boolean {
    return this._submitted || also || this._prefilled.has(name) || (this._dirty.has(name) && this._touched.has(name));
  }

  /** The messages of `messages` that show now. */
  visible(messages: Partial<Record<string, string>>, also: (name: string) => boolean = () => false): Partial<Record<string, string>> {
    const out: Partial<Record<string, string>> = {};
    for (const [name, message] of Object.entries(messages)) {
      if (message && this.shows(name, also(name))) out[name] = message;
    }
    return out;
  }
}

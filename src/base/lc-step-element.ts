import { consume } from '@lit/context';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CheckoutApi } from '../api/api.js';
import { apiContext, langContext, stringsContext } from '../checkout/context.js';
import { resolveLang } from '../i18n/format.js';
import { lookup, type StringTable } from '../i18n/strings.js';
import { focusFirstInvalid, type FieldMessages } from '../components/shared/form.js';
import { InteractionStates } from '../internal/interaction-states.js';
import { LcElement } from './lc-element.js';

/**
 * Base class of the elements that show text: the locale and the string overrides, each
 * from the element's own property first and from `<lc-checkout>`'s context otherwise.
 * `S` is the element's table of default strings (`<name>.strings.ts`).
 *
 * Subclasses redeclare `lang`, `strings` (and `api`) with `declare`, which emits no code,
 * only to give them their own JSDoc: the Custom Elements Manifest, and from it the README's
 * element reference, keeps each element's wording. `lang` also needs `@attr` there, or the
 * inherited attribute would carry this class's description.
 */
export abstract class LcStepElement<S extends StringTable> extends LcElement {
  @consume({ context: langContext, subscribe: true })
  @state()
  private _contextLang?: string;

  @consume({ context: stringsContext, subscribe: true })
  @state()
  private _contextStrings?: StringTable;

  /** Locale; falls back to context, then the nearest `lang` in the page. */
  @property({ reflect: true })
  override lang!: string;

  /** Overrides of the default texts, key by key. */
  @property({ attribute: false })
  strings?: Partial<S>;

  /** The element's default strings, which `strings` and the context's overrides replace key by key. */
  protected abstract readonly defaultStrings: S;

  /** The merged overrides (context, then `strings`), rebuilt only when either changes. */
  private _overrides?: { context?: StringTable; own?: Partial<S>; table: StringTable };

  /**
   * The string overrides in force: the context's, then the element's own `strings`. The same
   * object until either changes, so it can key a `guard()` and a lookup does not merge again.
   */
  protected get stringOverrides(): StringTable {
    const cached = this._overrides;
    if (cached && cached.context === this._contextStrings && cached.own === this.strings) return cached.table;
    const table = { ...this._contextStrings, ...this.strings } as StringTable;
    this._overrides = { context: this._contextStrings, own: this.strings, table };
    return table;
  }

  /** The text for `key` (override first, then the default), its `{name}` placeholders filled. */
  protected t(key: keyof S & string, values?: Record<string, string | number>): string {
    return lookup(this.defaultStrings, this.stringOverrides, key, values);
  }

  /** `locale` for the last `lang` or context locale it was asked with. */
  private _locale?: { lang: string; value: string | undefined };

  /** The locale for `Intl`: `lang`, else the context's, else the nearest `lang` in the page. */
  protected get locale(): string | undefined {
    const lang = this.lang || this._contextLang;
    if (!lang) return resolveLang(this);
    // Read for every amount and date a render shows: `Intl` checks each tag once, not each time.
    // (Here, not in the shared intlLocale(): the product-page tags' budget has no room for it.)
    if (this._locale?.lang !== lang) this._locale = { lang, value: resolveLang(this, lang) };
    return this._locale.value;
  }

  /**
   * Moves focus to the step's heading (`part="step-heading"`); `<lc-checkout>` calls it on each
   * step change. The returned promise settles once a pending render has been focused too.
   */
  focusHeading(): Promise<void> {
    const focus = () => this.renderRoot?.querySelector<HTMLElement>('[part~="step-heading"]')?.focus();
    focus();
    return this.isUpdatePending ? this.updateComplete.then(focus) : Promise.resolve();
  }
}

/** An `LcStepElement` that talks to the backend: `api` from its own property or from context. */
export abstract class LcApiStepElement<S extends StringTable> extends LcStepElement<S> {
  /** The backend client. Inside `<lc-checkout>` it comes from context. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: CheckoutApi;
}

/**
 * An `LcApiStepElement` with a form: the plumbing every form step shares. The owner-value
 * sync (`takeOwnerValue`), the fields' interaction states (`interaction`), the backend's
 * field messages (`fieldErrors`) kept until the user edits the field they name, the
 * per-field message map and the rule of which messages show.
 */
export abstract class LcFormStepElement<S extends StringTable> extends LcApiStepElement<S> {
  /** Dirty, touched, prefilled and submitted: which errors show follows from them. */
  protected readonly interaction = new InteractionStates(this);

  /**
   * Backend messages, already mapped to this step's field names. Shown at once; a field's
   * message goes as soon as the user edits that field.
   */
  @property({ attribute: false })
  fieldErrors?: FieldMessages;

  /** The owner's `fieldErrors`, less the fields edited since. */
  @state() protected _serverErrors: FieldMessages = {};

  private _serverErrorsKey?: string;
  /** What the owner set as `value` last time, serialized. */
  private _ownerKey?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('fieldErrors')) {
      const key = JSON.stringify(this.fieldErrors ?? {});
      // Only new content counts: a re-render passing the same messages must not revive cleared ones.
      if (key !== this._serverErrorsKey) {
        this._serverErrorsKey = key;
        this._serverErrors = { ...(this.fieldErrors ?? {}) };
      }
    }
  }

  /**
   * The start of every `value` setter: false when the owner sets again what it set last time
   * (a re-render must not undo what the user did since). Otherwise marks the `prefillable`
   * fields whose value changed as prefilled (non-blank) or not, and returns true. `key`
   * identifies what the owner set, when `incoming` already holds defaults filled in here.
   */
  protected takeOwnerValue<T extends object>(
    incoming: T,
    current: T,
    prefillable: ReadonlyArray<keyof T & string>,
    key = JSON.stringify(incoming),
  ): boolean {
    if (key === this._ownerKey) return false;
    this._ownerKey = key;
    for (const field of prefillable) {
      if (incoming[field] !== current[field]) this.interaction.prefill(field, String(incoming[field]));
    }
    return true;
  }

  /** The user edited `field`: no longer prefilled, and the backend's message about it goes. */
  protected fieldEdited(field: string): void {
    this.interaction.edited(field);
    this.dropServerError(field);
  }

  /** The backend's message about `field` no longer applies. */
  protected dropServerError(field: string): void {
    if (!(field in this._serverErrors)) return;
    const { [field]: _dropped, ...rest } = this._serverErrors;
    this._serverErrors = rest;
  }

  /**
   * Every problem, in words, in the order of `fields`: a backend message first (the owner's,
   * then `backend`'s), else the validator's code through `toMessage`.
   */
  protected messageMap<F extends string, C>(
    fields: readonly F[],
    codes: Partial<Record<F, C>>,
    toMessage: (field: F, code: C) => string,
    backend: FieldMessages = {},
  ): FieldMessages {
    const out: FieldMessages = {};
    for (const field of fields) {
      const server = this._serverErrors[field] ?? backend[field];
      const code = codes[field];
      if (server) out[field] = server;
      else if (code !== undefined) out[field] = toMessage(field, code);
    }
    return out;
  }

  /** The messages that show now: a backend message at once, the rest by `interaction`'s rule or `also`. */
  protected visibleMessages(all: FieldMessages, also?: (name: string) => boolean): FieldMessages {
    return this.interaction.visible(all, (name) => name in this._serverErrors || Boolean(also?.(name)));
  }

  /** The error summary shows after a blocked Continue, and at once for the backend's messages. */
  protected get showsSummary(): boolean {
    return this.interaction.submitted || Object.keys(this._serverErrors).length > 0;
  }

  /** After a blocked Continue: focus on the first field, in document order, with a message. */
  protected async focusFirstInvalid(messages: FieldMessages): Promise<void> {
    await this.updateComplete;
    focusFirstInvalid(this.shadowRoot, messages);
  }
}

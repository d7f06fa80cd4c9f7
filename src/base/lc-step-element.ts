import { consume } from '@lit/context';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CheckoutApi } from '../api/api.js';
import { apiContext, langContext, stringsContext } from '../checkout/context.js';
import { resolveLang } from '../i18n/format.js';
import { lookup, type StringTable } from '../i18n/strings.js';
import type { FieldMessages } from '../components/shared/form.js';
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

  /** The locale for `Intl`: `lang`, else the context's, else the nearest `lang` in the page. */
  protected get locale(): string | undefined {
    return resolveLang(this, this.lang || this._contextLang);
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
 * An `LcApiStepElement` with a form: the backend's field messages (`fieldErrors`) kept until
 * the user edits the field they name, and the heading the root focuses on each step change.
 */
export abstract class LcFormStepElement<S extends StringTable> extends LcApiStepElement<S> {
  /**
   * Backend messages, already mapped to this step's field names. Shown at once; a field's
   * message goes as soon as the user edits that field.
   */
  @property({ attribute: false })
  fieldErrors?: FieldMessages;

  /** The owner's `fieldErrors`, less the fields edited since. */
  @state() protected _serverErrors: FieldMessages = {};

  private _serverErrorsKey?: string;

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

  /** Moves focus to the step's heading (the root calls it on each step change). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('.step-heading')?.focus();
  }
}

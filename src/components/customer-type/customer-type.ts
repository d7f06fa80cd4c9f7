import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { TaskStatus } from '@lit/task';
import type { CheckoutApi } from '../../api/api.js';
import { isApiError, isNetworkError } from '../../api/errors.js';
import type { Customer } from '../../api/schemas.js';
import { LcElement } from '../../base/lc-element.js';
import { LcFormStepElement } from '../../base/lc-step-element.js';
import { createCheckout, stepErrors, type ErrorCode, type RecipientKind } from '../../checkout/machine.js';
import { LcStepBackEvent } from '../../events/step-back.js';
import { LcStepInputEvent } from '../../events/step-input.js';
import { LcStepNextEvent } from '../../events/step-next.js';
import { formatNumber } from '../../i18n/format.js';
import { LookupController } from '../../internal/lookup.js';
import { controls, tokens } from '../../styles/tokens.js';
import {
  fieldId,
  formatIsolated,
  isolate,
  renderErrorSummary,
  type FieldMessages,
} from '../shared/form.js';
import { formStyles } from '../shared/form.styles.js';
import { customerTypeStyles } from './customer-type.styles.js';
import { customerTypeStrings, type CustomerTypeStrings } from './customer-type.strings.js';
import { byCompanyName } from './customer-type.sort.js';

/** The draft of the customer-type step. */
export interface CustomerTypeValue {
  kind?: RecipientKind;
  /** The chosen existing customer (only with `kind: 'existing'`). */
  customer?: Customer;
}

/** The step's fields, in the order they appear (errors, summary and focus follow it). */
type Field = 'recipientKind' | 'customerKind' | 'customer';
const FIELDS: readonly Field[] = ['recipientKind', 'customerKind', 'customer'];

type Audience = 'internal' | 'customer';

/**
 * The longest search sent: a company name or a domain fits many times over, and a search URL
 * stays far below what servers and proxies accept (414 / 431 beyond about 8 KB).
 */
export const SEARCH_MAX_LENGTH = 100;

/** Typing pauses this long before the search goes out. */
const SEARCH_DEBOUNCE_MS = 300;

function normalize(value: CustomerTypeValue | undefined): CustomerTypeValue {
  const kind = value?.kind;
  if (kind !== 'internal' && kind !== 'existing' && kind !== 'new') return {};
  return kind === 'existing' && value?.customer ? { kind, customer: value.customer } : { kind };
}

const audienceOf = (kind: RecipientKind | undefined): Audience | undefined =>
  kind === undefined ? undefined : kind === 'internal' ? 'internal' : 'customer';

const sameRecipient = (a: CustomerTypeValue, b: CustomerTypeValue): boolean =>
  a.kind === b.kind && a.customer?.id === b.customer?.id;

/**
 * @summary Checkout step "Who is this order for?": the reseller's own organization, or a
 * customer, existing (searched on the backend as typed) or new.
 *
 * Works alone (set `api`, listen to the events) or inside `<lc-checkout>`, which provides
 * the API client, the locale and the strings through context.
 *
 * @fires lc-step-input - `LcStepInputEvent<CustomerTypeValue>`: the user changed the choice; `value` is the
 *   whole draft. A choice of "A customer I resell to" still waiting for existing/new has no `kind`.
 * @fires lc-step-next - `LcStepNextEvent<CustomerTypeValue>`: Continue was pressed with a complete choice.
 * @fires lc-step-back - `LcStepBackEvent`: Back was pressed.
 *
 * @csspart step-heading - The step's heading (focusable, see `focusHeading()`).
 * @csspart error-summary - The list of problems after a blocked Continue.
 * @csspart fieldset - Each radio group.
 * @csspart radio - Every radio button; also `recipient-radio`, `customer-kind-radio`, `customer-radio`.
 * @csspart recipient-radio - "My own organization" / "A customer I resell to".
 * @csspart customer-kind-radio - "Existing customer" / "New customer".
 * @csspart field - The search field (label, hint, input).
 * @csspart label - The search field's label.
 * @csspart hint - The search field's hint.
 * @csspart input - The search input; also `search-input`.
 * @csspart search-input - The search input.
 * @csspart search-status - The live region: searching, how many found, none found.
 * @csspart results - The list of customers found.
 * @csspart result - One customer (a label around its radio).
 * @csspart customer-radio - The radio of one customer.
 * @csspart badge - A customer's agreement status, in words.
 * @csspart selected - The customer chosen, even when the current search does not list it.
 * @csspart search-failed - The search error with its Retry button.
 * @csspart error - A field's error message.
 * @csspart notice - The one-customer note and the recipient-changed warning.
 * @csspart button - Every button; also the ones below.
 * @csspart retry-button - Runs the failed search again.
 * @csspart new-customer-button - Switches to "New customer" when nothing matches.
 * @csspart back-button - Back (hidden with `no-back`).
 * @csspart next-button - Continue.
 *
 * @cssproperty --lc-color-accent - Primary button, selected result and note accent.
 * @cssproperty --lc-color-accent-text - Text on the primary button.
 * @cssproperty --lc-color-text - Text colour.
 * @cssproperty --lc-color-muted - Hints and domains.
 * @cssproperty --lc-color-surface - Result background.
 * @cssproperty --lc-color-surface-alt - Notes background.
 * @cssproperty --lc-color-border - Borders.
 * @cssproperty --lc-color-danger - Errors.
 * @cssproperty --lc-color-success - "Agreement on file" badge.
 * @cssproperty --lc-color-warning - "Agreement needed" badge and the recipient-changed warning.
 * @cssproperty --lc-color-focus - Focus ring.
 * @cssproperty --lc-radius - Corner radius.
 * @cssproperty --lc-space - Spacing unit.
 * @cssproperty --lc-font-family - Font.
 * @cssproperty --lc-font-size - Base font size.
 */
export class LcCustomerType extends LcFormStepElement<CustomerTypeStrings> {
  static override styles = [LcElement.baseStyles, tokens, controls, formStyles, customerTypeStyles];

  /** The customer search; the first list (and a search on Enter or Retry) goes out without the typing pause. */
  private readonly _searchTask = new LookupController(this, {
    args: () => [this.api, this._search, this._value.kind === 'existing'] as const,
    lookup: ([api, search, active]) =>
      api && active
        ? async (signal: AbortSignal) =>
            byCompanyName((await api.searchCustomers(search.trim().slice(0, SEARCH_MAX_LENGTH), { signal })).customers, this.locale)
        : undefined,
    debounce: SEARCH_DEBOUNCE_MS,
    immediate: true,
  });

  protected readonly defaultStrings = customerTypeStrings;

  /** The backend client (customer search). Inside `<lc-checkout>` it comes from context. */
  declare api?: CheckoutApi;

  /**
   * Locale; falls back to context, then the nearest `lang` in the page.
   * @attr
   */
  declare lang: string;

  /** Overrides of the default texts (see `customer-type.strings.ts`), key by key. */
  declare strings?: Partial<CustomerTypeStrings>;

  /**
   * The step's draft: `{ kind?, customer? }`. The element keeps its own copy, so it works
   * uncontrolled; a value set by the owner replaces it (no event). Setting again what the
   * owner set last time is ignored, so a choice the owner cannot store yet ("a customer",
   * existing or new still open) is not undone by a re-render.
   */
  @property({ attribute: false })
  get value(): CustomerTypeValue {
    return this._value;
  }
  set value(next: CustomerTypeValue | undefined) {
    const incoming = normalize(next);
    if (!this.takeOwnerValue(incoming, this._value, [])) return;
    if (sameRecipient(incoming, this._value)) {
      // The owner echoes the user's choice (perhaps with a refreshed customer record).
      this._value = incoming;
      return;
    }
    this._value = incoming;
    this._audience = audienceOf(incoming.kind);
    this._fromOwner = incoming.kind ? incoming : undefined;
    if (incoming.kind === 'existing') this._searchTask.skipDebounce();
  }

  /**
   * Backend field messages for this step (`recipientKind`, `customer`), already in words.
   * Shown at once; a field's message goes as soon as the user changes that choice.
   */
  declare fieldErrors?: Partial<Record<'recipientKind' | 'customer', string>>;

  /** Hides the Back button (e.g. when the step is the first one shown). */
  @property({ type: Boolean, reflect: true, attribute: 'no-back' })
  noBack = false;

  @state() private _value: CustomerTypeValue = {};
  /** The first answer: set as soon as the user picks "a customer", before existing/new. */
  @state() private _audience?: Audience;
  @state() private _search = '';

  /** The recipient the owner had set, for the "changing clears" warning. */
  private _fromOwner?: CustomerTypeValue;

  private _onAudience(audience: Audience): void {
    this._audience = audience;
    this.fieldEdited('recipientKind');
    if (audience === 'internal') this._commit({ kind: 'internal' });
    else if (this._value.kind === 'internal') this._commit({});
  }

  private _onCustomerKind(kind: 'existing' | 'new'): void {
    this._audience = 'customer';
    this.fieldEdited('recipientKind');
    if (kind === 'existing' && this._value.kind !== 'existing') this._searchTask.skipDebounce();
    this._commit(kind === 'existing' && this._value.kind === 'existing' ? this._value : { kind });
  }

  private _onSearchInput(event: Event): void {
    this._search = (event.target as HTMLInputElement).value;
  }

  private _onSearchKeydown(event: KeyboardEvent): void {
    // Enter in the search must not act like Continue; it searches at once instead.
    if (event.key === 'Enter') {
      event.preventDefault();
      this._searchTask.run();
    }
  }

  private _onSelectCustomer(customer: Customer): void {
    this.fieldEdited('customer');
    this._commit({ kind: 'existing', customer });
  }

  private _onCreateNew(): void {
    this._onCustomerKind('new');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[value="new"]')?.focus());
  }

  private _onRetry(): void {
    this._searchTask.run();
  }

  private _onBack(): void {
    this.dispatchEvent(new LcStepBackEvent('customer-type'));
  }

  private async _onNext(): Promise<void> {
    this.interaction.submit();
    const messages = this._messages();
    if (Object.keys(messages).length > 0) {
      await this.focusFirstInvalid(messages);
      return;
    }
    this.dispatchEvent(new LcStepNextEvent('customer-type', { ...this._value }));
  }

  private _commit(next: CustomerTypeValue): void {
    this._value = next;
    this.dispatchEvent(new LcStepInputEvent('customer-type', { ...next }));
  }

  private _label(field: Field): string {
    const keys = {
      recipientKind: 'customerType.labelRecipientKind',
      customerKind: 'customerType.labelCustomerKind',
      customer: 'customerType.labelCustomer',
    } as const;
    return this.t(keys[field]);
  }

  /** Validator codes of the current choice, per field. */
  private _codes(): Partial<Record<Field, ErrorCode>> {
    if (this._audience === 'customer' && !this._value.kind) return { customerKind: 'required' };
    const { kind, customer } = this._value;
    const draftState = { ...createCheckout(), ...(kind ? { recipientKind: kind } : {}), ...(customer ? { customer } : {}) };
    return stepErrors(draftState, { step: 'customer-type' }) as Partial<Record<Field, ErrorCode>>;
  }

  private _message(field: Field, code: ErrorCode): string {
    const specific = `customerType.error${code === 'required' ? 'Required' : 'Invalid'}.${field}`;
    if (specific in customerTypeStrings || this.stringOverrides[specific]) {
      return this.t(specific as keyof CustomerTypeStrings & string);
    }
    return this.t(code === 'required' ? 'customerType.errorRequired' : 'customerType.errorInvalid', { label: this._label(field) });
  }

  /** The problems to show now (after Continue, or the backend's at once), in words. */
  private _messages(): FieldMessages {
    return this.visibleMessages(this.messageMap(FIELDS, this._codes(), (field, code) => this._message(field, code)));
  }

  private _results(): Customer[] | undefined {
    // While a newer search runs, the last results stay (marked busy) rather than flicker away.
    const value = this._searchTask.value;
    return Array.isArray(value) ? value : undefined;
  }

  private _previousLabel(): string | undefined {
    const previous = this._fromOwner;
    if (!previous?.kind || sameRecipient(previous, this._value)) return undefined;
    // Only a change that replaces a recipient counts; completing a choice does not.
    if (this._value.kind === undefined && this._audience === audienceOf(previous.kind)) return undefined;
    if (previous.kind === 'internal') return this.t('customerType.previousInternal');
    if (previous.kind === 'new') return this.t('customerType.previousNew');
    if (!previous.customer) return undefined;
    return this.t('customerType.previousExisting', { name: previous.customer.companyName });
  }

  private _renderError(field: Field, messages: FieldMessages): TemplateResult | typeof nothing {
    const message = messages[field];
    return message
      ? html`<p id=${`${fieldId(field)}-error`} class="error" part="error">${message}</p>`
      : nothing;
  }

  /**
   * One question as a group of radio cards: its legend, its error, and a radio per answer
   * (`[value, label, checked, onChange]`); the first radio carries the field's id.
   */
  private _renderChoices(
    field: 'recipientKind' | 'customerKind',
    group: string,
    part: string,
    legend: string,
    answers: ReadonlyArray<readonly [value: string, label: string, checked: boolean, onChange: () => void]>,
    messages: FieldMessages,
  ): TemplateResult {
    const error = messages[field];
    return html`
      <fieldset part="fieldset">
        <legend>${legend}</legend>
        ${this._renderError(field, messages)}
        <div class="choices">
          ${answers.map(
            ([value, label, checked, onChange], index) => html`
              <label class="choice">
                <input
                  type="radio"
                  id=${ifDefined(index === 0 ? fieldId(field) : undefined)}
                  name=${group}
                  value=${value}
                  part=${`radio ${part}`}
                  .checked=${live(checked)}
                  aria-invalid=${error ? 'true' : 'false'}
                  aria-describedby=${ifDefined(error ? `${fieldId(field)}-error` : undefined)}
                  @change=${onChange}
                />
                <span>${label}</span>
              </label>
            `,
          )}
        </div>
      </fieldset>
    `;
  }

  private _renderAudience(messages: FieldMessages): TemplateResult {
    return this._renderChoices(
      'recipientKind',
      'audience',
      'recipient-radio',
      this.t('customerType.recipientLegend'),
      [
        ['internal', this.t('customerType.internal'), this._audience === 'internal', () => this._onAudience('internal')],
        ['customer', this.t('customerType.customer'), this._audience === 'customer', () => this._onAudience('customer')],
      ],
      messages,
    );
  }

  private _renderCustomerKind(messages: FieldMessages): TemplateResult | typeof nothing {
    if (this._audience !== 'customer') return nothing;
    return this._renderChoices(
      'customerKind',
      'customer-kind',
      'customer-kind-radio',
      this.t('customerType.customerKindLegend'),
      [
        ['existing', this.t('customerType.existing'), this._value.kind === 'existing', () => this._onCustomerKind('existing')],
        ['new', this.t('customerType.new'), this._value.kind === 'new', () => this._onCustomerKind('new')],
      ],
      messages,
    );
  }

  /** What went wrong with the search, as it is: no answer, refused by the store, or a failing store. */
  private _searchFailure(): string {
    const error = this._searchTask.error;
    if (isNetworkError(error)) return this.t('customerType.searchFailedDetail');
    if (isApiError(error) && error.status >= 400 && error.status < 500) return this.t('customerType.searchRefused', { status: error.status });
    return this.t('customerType.searchStoreError');
  }

  private _renderStatus(results: Customer[] | undefined): TemplateResult {
    const pending = this._searchTask.pending;
    let text = '';
    if (pending) text = this.t('customerType.searching');
    else if (results && results.length > 0) {
      text = results.length === 1 ? this.t('customerType.resultsOne') : this.t('customerType.resultsMany', { count: formatNumber(results.length, this.locale) });
    } else if (results) {
      text = this._search.trim() ? this.t('customerType.noResults', { search: this._search.trim().slice(0, SEARCH_MAX_LENGTH) }) : this.t('customerType.noCustomers');
    }
    return html`<p class="search-status" part="search-status" role="status">${text}</p>`;
  }

  private _renderResults(results: Customer[] | undefined, messages: FieldMessages): TemplateResult | typeof nothing {
    if (this._searchTask.failed) {
      return html`
        <div class="search-failed" part="search-failed" role="alert">
          <p><strong>${this.t('customerType.searchFailed')}</strong></p>
          <p>${this._searchFailure()}</p>
          <button type="button" part="button retry-button" @click=${this._onRetry}>${this.t('customerType.retry')}</button>
        </div>
      `;
    }
    if (!results) return nothing;
    if (results.length === 0) {
      return html`<button type="button" part="button new-customer-button" @click=${this._onCreateNew}>
        ${this.t('customerType.createNew')}
      </button>`;
    }
    const error = messages.customer;
    const selectedId = this._value.customer?.id;
    return html`
      <fieldset class="results" part="fieldset results" aria-busy=${this._searchTask.status === TaskStatus.PENDING ? 'true' : 'false'}>
        <legend>${this.t('customerType.customersLegend')}</legend>
        <ul role="list">
          ${results.map(
            (customer, index) => html`
              <li>
                <label class="result" part="result">
                  <input
                    type="radio"
                    name="customer"
                    id=${index === 0 ? fieldId('customer') : `customer-${index}`}
                    value=${customer.id}
                    part="radio customer-radio"
                    .checked=${live(customer.id === selectedId)}
                    aria-invalid=${error ? 'true' : 'false'}
                    aria-describedby=${ifDefined(error ? `${fieldId('customer')}-error` : undefined)}
                    @change=${() => this._onSelectCustomer(customer)}
                  />
                  <span class="result-text">
                    <span class="result-name">${customer.companyName}</span>
                    <span class="result-domain">${isolate(customer.defaultDomain)}</span>
                  </span>
                  <span class=${customer.agreementOnFile ? 'badge on-file' : 'badge needed'} part="badge">
                    <span aria-hidden="true">${customer.agreementOnFile ? '✓' : '!'}</span>
                    ${customer.agreementOnFile ? this.t('customerType.agreementOnFile') : this.t('customerType.agreementNeeded')}
                  </span>
                </label>
              </li>
            `,
          )}
        </ul>
      </fieldset>
    `;
  }

  private _renderExisting(messages: FieldMessages): TemplateResult | typeof nothing {
    if (this._value.kind !== 'existing') return nothing;
    const results = this._results();
    const selected = this._value.customer;
    // With nothing listed, a "choose a customer" error sends focus to the search.
    const searchId = results && results.length > 0 ? 'search' : fieldId('customer');
    const error = messages.customer;
    return html`
      <div class="existing">
        <div class="field" part="field">
          <label for=${searchId} part="label">${this.t('customerType.searchLabel')}</label>
          <div id="search-hint" class="hint" part="hint">${this.t('customerType.searchHint')}</div>
          <input
            id=${searchId}
            type="search"
            maxlength=${SEARCH_MAX_LENGTH}
            part="input search-input"
            autocomplete="off"
            spellcheck="false"
            .value=${live(this._search)}
            aria-describedby=${error ? `search-hint ${fieldId('customer')}-error` : 'search-hint'}
            @input=${this._onSearchInput}
            @keydown=${this._onSearchKeydown}
          />
        </div>
        ${this._renderError('customer', messages)} ${this._renderStatus(results)}
        ${selected
          ? html`<p class="selected" part="selected">
              ${formatIsolated(this.t('customerType.selectedCustomer'), { name: selected.companyName, domain: selected.defaultDomain })}
            </p>`
          : nothing}
        ${this._renderResults(results, messages)}
      </div>
    `;
  }

  protected override render(): TemplateResult {
    const messages = this._messages();
    // Every message of this step is a whole question ("Choose who this order is for."):
    // a label before it would only repeat it.
    const labels: Record<string, string> = {};
    const previous = this._previousLabel();
    return html`
      <section aria-labelledby="heading">
        <h2 id="heading" class="step-heading" tabindex="-1" part="step-heading">${this.t('customerType.heading')}</h2>
        ${renderErrorSummary(messages, labels, this.t('customerType.errorSummaryTitle'), this.shadowRoot)}
        <form
          novalidate
          @submit=${(e: Event) => {
            e.preventDefault();
            void this._onNext();
          }}
        >
          ${this._renderAudience(messages)} ${this._renderCustomerKind(messages)} ${this._renderExisting(messages)}
          <p class="notice" part="notice">${this.t('customerType.noteOneCustomer')}</p>
          ${previous ? html`<p class="notice warning" part="notice" role="status">${this.t('customerType.changedWarning', { previous })}</p>` : nothing}
          <div class="actions">
            <button type="button" part="button back-button" ?hidden=${this.noBack} @click=${this._onBack}>${this.t('customerType.back')}</button>
            <button type="submit" class="primary" part="button next-button">${this.t('customerType.next')}</button>
          </div>
        </form>
      </section>
    `;
  }
}

LcElement.define('lc-customer-type', LcCustomerType);

declare global {
  interface HTMLElementTagNameMap {
    'lc-customer-type': LcCustomerType;
  }
}

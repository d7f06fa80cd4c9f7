import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { CheckoutApi } from '../../api/api.js';
import { isApiError } from '../../api/errors.js';
import type { Address } from '../../api/schemas.js';
import { LcElement } from '../../base/lc-element.js';
import { LcFormStepElement } from '../../base/lc-step-element.js';
import { countryName, isCountryCode, statesRequired } from '../../checkout/countries.js';
import {
  companyCandidate,
  emptyCompany,
  validateCompany,
  type CompanyDraft,
  type CompanyField,
  type ErrorCode,
} from '../../checkout/validate.js';
import { LcStepBackEvent } from '../../events/step-back.js';
import { LcStepInputEvent } from '../../events/step-input.js';
import { LcStepNextEvent } from '../../events/step-next.js';
import { controls, tokens } from '../../styles/tokens.js';
import { AbortOnDisconnect } from '../../internal/abort-on-disconnect.js';
import { LookupController } from '../../internal/lookup.js';
import {
  fieldId,
  focusField,
  mapFieldErrors,
  renderErrorSummary,
  renderField,
  renderSelectField,
  type FieldHandlers,
  type FieldMessages,
  type FieldSpec,
  type SelectOption,
} from '../shared/form.js';
import { formStyles } from '../shared/form.styles.js';
import {
  ADDRESS_CHOICE,
  ADDRESS_FIELDS,
  ADDRESS_SPECS,
  addressDraft,
  backendPaths,
  countryOptions,
  FIELDS,
  MAX_LENGTH,
  MESSAGE_KEYS,
  normalize,
} from './customer-details.fields.js';
import { addressFormat, loadAddressFormats, matchesPattern, type AddressFormat } from './customer-details.address.js';
import { customerDetailsStyles } from './customer-details.styles.js';
import { customerDetailsStrings, type CustomerDetailsStrings } from './customer-details.strings.js';

type AddressCheck = 'idle' | 'checking' | 'suggest' | 'failed';

/**
 * @summary Checkout step for a new customer: company name (the exact legal name), address
 * with the backend's address check and suggestions, and the primary contact.
 *
 * Works alone (set `api`, listen to the events) or inside `<lc-checkout>`, which provides
 * the API client, the locale and the strings through context. Without any API client the
 * address check is skipped.
 *
 * @fires lc-step-input - `LcStepInputEvent<CompanyDraft>`: the user changed a field (or picked a
 *   suggested address); `value` is the whole draft.
 * @fires lc-step-next - `LcStepNextEvent<CompanyDraft>`: Continue was pressed, the fields are valid and the
 *   address was verified, picked from the suggestions, or the user chose "Continue anyway" after a failed check.
 * @fires lc-step-back - `LcStepBackEvent`: Back was pressed.
 *
 * @csspart step-heading - The step's heading (focusable, see `focusHeading()`).
 * @csspart intro - The sentence under the heading.
 * @csspart error-summary - The list of problems, each a link to its field.
 * @csspart fieldset - The Company, Address and Primary contact groups, and the suggestions.
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint (the exact-legal-name guidance).
 * @csspart error - A field's error message.
 * @csspart input - Every text input; also `{field}-input`, e.g. `company-name-input`, `postal-code-input`.
 * @csspart select - The country select, and the state select of a country with a fixed list; also `country-select`, `state-select`.
 * @csspart suggestions - The "We found a closer match" group.
 * @csspart radio - Every radio; also `suggestion-radio`.
 * @csspart suggestion-radio - One address choice.
 * @csspart check-failed - The message shown when the address could not be checked.
 * @csspart button - Every button; also the ones below.
 * @csspart retry-button - Checks the address again.
 * @csspart continue-anyway-button - Continues without the address check.
 * @csspart back-button - Back (hidden with `no-back`).
 * @csspart next-button - Continue; busy while the address is checked.
 * @csspart status - The visually hidden live region.
 *
 * @cssproperty --lc-color-accent - Primary button, chosen suggestion.
 * @cssproperty --lc-color-accent-text - Text on the primary button.
 * @cssproperty --lc-color-text - Text colour.
 * @cssproperty --lc-color-muted - Hints.
 * @cssproperty --lc-color-surface - Field background.
 * @cssproperty --lc-color-surface-alt - Notices background.
 * @cssproperty --lc-color-border - Borders.
 * @cssproperty --lc-color-danger - Errors.
 * @cssproperty --lc-color-focus - Focus ring.
 * @cssproperty --lc-radius - Corner radius.
 * @cssproperty --lc-space - Spacing unit.
 * @cssproperty --lc-font-family - Font.
 * @cssproperty --lc-font-size - Base font size.
 */
export class LcCustomerDetails extends LcFormStepElement<CustomerDetailsStrings> {
  static override styles = [LcElement.baseStyles, tokens, controls, formStyles, customerDetailsStyles];

  /** The address check under way; a check answered after the element left would act on a form nobody sees. */
  private readonly _checkRequest = new AbortOnDisconnect(this, () => {
    if (this._check === 'checking') this._check = 'idle';
  });

  /** The chosen country's rules from the backend (`GET /country-rules/{country}`), when it has them. */
  private readonly _rules = new LookupController(this, {
    args: () => [this.api, this._draft.country.trim().toUpperCase()] as const,
    lookup: ([api, country]) =>
      api?.getCountryRules && isCountryCode(country) ? (signal: AbortSignal) => api.getCountryRules!(country, { signal }) : undefined,
    immediate: true,
  });

  protected readonly defaultStrings = customerDetailsStrings;

  /** The backend client (address check). Inside `<lc-checkout>` it comes from context. */
  declare api?: CheckoutApi;

  /**
   * Locale of country names; falls back to context, then the nearest `lang` in the page.
   * @attr
   */
  declare lang: string;

  /** Overrides of the default texts (see `customer-details.strings.ts`), key by key. */
  declare strings?: Partial<CustomerDetailsStrings>;

  /**
   * The step's draft (`CompanyDraft`, flat strings). The element keeps its own copy, so it
   * works uncontrolled; a value set by the owner replaces it (no event). Setting again what
   * the owner set last time is ignored. Fields the owner fills count as prefilled: their
   * errors show at once.
   */
  @property({ attribute: false })
  get value(): CompanyDraft {
    return this._draft;
  }
  set value(next: Partial<CompanyDraft> | undefined) {
    const incoming = normalize(next);
    if (!this.takeOwnerValue(incoming, this._draft, FIELDS)) return;
    const addressChanged = FIELDS.some((field) => ADDRESS_FIELDS.has(field) && incoming[field] !== this._draft[field]);
    this._draft = incoming;
    if (addressChanged) this._resetAddressCheck();
  }

  /**
   * Backend field messages, already mapped to this form's field names (`companyName`,
   * `postalCode`, …; see `companyFieldPaths`). Shown at once; a field's message goes as soon
   * as the user edits that field.
   */
  declare fieldErrors?: Partial<Record<CompanyField, string>>;

  /** Hides the Back button. */
  @property({ type: Boolean, reflect: true, attribute: 'no-back' })
  noBack = false;

  @state() private _draft: CompanyDraft = { ...emptyCompany };
  /** Messages from the address check (not-valid, 422): they go when any address field is edited. */
  @state() private _checkErrors: FieldMessages = {};
  @state() private _check: AddressCheck = 'idle';
  @state() private _suggestions: Address[] = [];
  /** The address as entered when the check answered with suggestions, for "Use the address as entered". */
  @state() private _entered?: Address;
  /** The suggestion picked (its index) or the address as entered. */
  @state() private _choice?: number | 'entered';
  /**
   * Continue was pressed again while the suggestions waited for a choice: only then is the
   * missing choice an error. Until then the suggestions are a neutral prompt, not a problem.
   */
  @state() private _choiceMissed = false;
  @state() private _checkMessage?: string;
  @state() private _announcement = '';
  /** How each country writes addresses (lazily loaded); until then the contract's order and generic labels. */
  @state() private _formats?: Readonly<Record<string, string>>;

  /** The address (serialized) the backend verified or the user confirmed: not checked again. */
  private _confirmedAddress?: string;

  private readonly _handlers: FieldHandlers = {
    onInput: (name, value) => this._onFieldInput(name as CompanyField, value),
    onBlur: (name) => this._onFieldBlur(name),
  };

  override connectedCallback(): void {
    super.connectedCallback();
    // A failed load keeps the generic form: nothing the user needs is lost.
    if (!this._formats) loadAddressFormats().then((formats) => (this._formats = formats), () => undefined);
  }

  private _onFieldInput(field: CompanyField, value: string): void {
    this.fieldEdited(field);
    if (ADDRESS_FIELDS.has(field)) this._resetAddressCheck();
    this._commit({ ...this._draft, [field]: value });
  }

  private _onFieldBlur(field: string): void {
    this.interaction.touched(field);
  }

  private _onPickSuggestion(choice: number | 'entered'): void {
    const address = choice === 'entered' ? this._entered : this._suggestions[choice];
    if (!address) return;
    this._choice = choice;
    this._checkErrors = {};
    const next = { ...this._draft, ...addressDraft(address) };
    const changed = FIELDS.some((field) => next[field] !== this._draft[field]);
    if (changed) {
      this._announcement = choice === 'entered' ? '' : this.t('customerDetails.announceSuggestionUsed');
      this._commit(next);
    }
  }

  private _onBack(): void {
    this.dispatchEvent(new LcStepBackEvent('customer-details'));
  }

  private async _onNext(): Promise<void> {
    if (this._check === 'checking') return;
    if (this._check === 'suggest' && this._choice === undefined) this._choiceMissed = true;
    this.interaction.submit();
    const messages = this._messages();
    if (Object.keys(messages).length > 0) {
      await this.focusFirstInvalid(messages);
      return;
    }
    const address = companyCandidate(this._draft).address;
    const key = JSON.stringify(address);
    // A picked suggestion, or the address as entered, is the user's answer to the check.
    if (this._check === 'suggest' && this._choice !== undefined) this._confirmedAddress = key;
    if (this._confirmedAddress === key || !this.api) {
      this._fireNext();
      return;
    }
    await this._checkAddress(address, key);
  }

  private _onRetryCheck(): void {
    void this._onNext();
  }

  private _onContinueAnyway(): void {
    this._check = 'idle';
    this._fireNext();
  }

  private async _checkAddress(address: Address, key: string): Promise<void> {
    const api = this.api;
    if (!api) return;
    const controller = this._checkRequest.start();
    this._check = 'checking';
    this._announcement = this.t('customerDetails.checkingAddress');
    try {
      const result = await api.validateAddress(address, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this._announcement = '';
      if (result.status === 'interaction-required' && result.suggestions.length > 0) {
        this._suggestions = result.suggestions;
        this._entered = address;
        this._choice = undefined;
        this._choiceMissed = false;
        this._checkMessage = result.message;
        this._check = 'suggest';
        await this.updateComplete;
        focusField(this.shadowRoot, ADDRESS_CHOICE);
        return;
      }
      if (result.status === 'not-valid') {
        this._check = 'idle';
        this._checkErrors = { postalCode: result.message ?? this.t('customerDetails.addressNotValid') };
        await this.updateComplete;
        focusField(this.shadowRoot, 'postalCode');
        return;
      }
      // verified, or `none` (no check possible for this address): nothing to ask the user.
      this._check = 'idle';
      this._confirmedAddress = key;
      this._fireNext();
    } catch (error) {
      if (controller.signal.aborted) return;
      this._announcement = '';
      const mapped = isApiError(error) ? mapFieldErrors(error.fieldErrors, backendPaths) : {};
      if (Object.keys(mapped).length > 0) {
        this._check = 'idle';
        this._checkErrors = mapped;
        await this.focusFirstInvalid(mapped);
        return;
      }
      this._check = 'failed';
    } finally {
      this._checkRequest.finish(controller);
    }
  }

  private _fireNext(): void {
    this.dispatchEvent(new LcStepNextEvent('customer-details', { ...this._draft }));
  }

  private _commit(next: CompanyDraft): void {
    this._draft = next;
    this.dispatchEvent(new LcStepInputEvent('customer-details', { ...next }));
  }

  /** The address changed: what the backend said about the old one no longer applies. */
  private _resetAddressCheck(): void {
    this._checkRequest.abort();
    this._check = 'idle';
    this._checkErrors = {};
    this._suggestions = [];
    this._entered = undefined;
    this._choice = undefined;
    this._choiceMissed = false;
    this._checkMessage = undefined;
  }

  /** The chosen country's rules, when the backend gave them for the country now chosen. */
  private _countryRules() {
    const rules = this._rules.value;
    return rules?.country === this._draft.country.trim().toUpperCase() ? rules : undefined;
  }

  private _addressFormat(): AddressFormat {
    return addressFormat(this._draft.country.trim().toUpperCase(), this._formats, this._countryRules());
  }

  /** The form's fields in the order shown: the address part in the country's order. */
  private _fieldOrder(format: AddressFormat): CompanyField[] {
    return ['companyName', 'country', ...format.order, ...FIELDS.filter((field) => !ADDRESS_FIELDS.has(field) && field !== 'companyName')];
  }

  private _label(field: CompanyField): string {
    return this.t(this._addressFormat().labels[field as keyof AddressFormat['labels']] ?? `customerDetails.${field}`);
  }

  private _countryLabel(): string {
    const code = this._draft.country.trim().toUpperCase();
    return code ? countryName(code, this.locale) : '';
  }

  private _message(field: CompanyField, code: ErrorCode): string {
    const values = { label: this._label(field), max: MAX_LENGTH[field] ?? '', country: this._countryLabel() };
    return this.t(MESSAGE_KEYS[code] ?? 'customerDetails.errorInvalid', values);
  }

  /** The problems to show now, in words; the address check's messages show at once, like the owner's. */
  private _messages(): FieldMessages {
    const errors = validateCompany(this._draft);
    // The backend's rules for the country add to the validator's: a state it requires, its postal code and phone patterns.
    const rules = this._countryRules();
    const draft = this._draft;
    if (!errors.state && rules?.stateRequired && !draft.state.trim()) errors.state = 'state-required';
    if (!errors.postalCode && !matchesPattern(draft.postalCode, rules?.postalCodePattern)) errors.postalCode = 'postal-code';
    if (!errors.phone && !matchesPattern(draft.phone, rules?.phonePattern)) errors.phone = 'phone-pattern';
    const all = this.messageMap(this._fieldOrder(this._addressFormat()), errors, (field, code) => this._message(field, code), this._checkErrors);
    const visible = this.visibleMessages(all, (name) => name in this._checkErrors);
    if (this._check === 'suggest' && this._choice === undefined && this._choiceMissed) {
      visible[ADDRESS_CHOICE] = this.t('customerDetails.errorChooseAddress');
    }
    return visible;
  }

  private _spec(field: CompanyField, extra: Partial<FieldSpec> & Pick<FieldSpec, 'autocomplete'>): FieldSpec {
    return {
      name: field,
      label: this._label(field),
      optionalText: this.t('customerDetails.optional'),
      ...extra,
    };
  }

  private _field(field: CompanyField, messages: FieldMessages, extra: Partial<FieldSpec> & Pick<FieldSpec, 'autocomplete'>): TemplateResult {
    return renderField(this._spec(field, extra), this._draft[field], messages[field], this._handlers);
  }

  /** Street, city, state and postal code in the order and with the words the country uses. */
  private _renderAddressFields(country: string, messages: FieldMessages): TemplateResult[] {
    const format = this._addressFormat();
    const rules = this._countryRules();
    const needsState = rules?.stateRequired ?? statesRequired.has(country);
    const stateShown = needsState || Boolean(this._draft.state.trim()) || format.labels.state !== undefined;
    return format.order.flatMap((field) => {
      if (field !== 'state') return [this._field(field, messages, ADDRESS_SPECS[field])];
      if (!stateShown) return [];
      if (!rules?.states.length) return [this._field('state', messages, { autocomplete: 'address-level1', required: needsState })];
      return [this._renderStateSelect(rules.states, needsState, messages)];
    });
  }

  /** The country's fixed list of states as a select; a value not on the list (restored, or the owner's) stays, as typed. */
  private _renderStateSelect(states: ReadonlyArray<{ code: string; name: string }>, required: boolean, messages: FieldMessages): TemplateResult {
    const value = this._draft.state.trim();
    const options: SelectOption[] = states.map(({ code, name }) => ({ value: code, label: name }));
    if (value && !states.some((state) => state.code === value)) options.unshift({ value, label: value });
    return renderSelectField(
      { ...this._spec('state', { autocomplete: 'address-level1', required }), part: 'state-select', placeholder: this.t('customerDetails.statePlaceholder'), options },
      value,
      messages.state,
      this._handlers,
    );
  }

  private _formatAddress(address: Address): string {
    const region = [address.state, address.postalCode].filter(Boolean).join(' ');
    return [address.line1, address.line2, address.city, region, countryName(address.country, this.locale)]
      .filter((part) => part && part.trim())
      .join(', ');
  }

  private _renderSuggestions(messages: FieldMessages): TemplateResult | typeof nothing {
    if (this._check !== 'suggest' || !this._entered) return nothing;
    const error = messages[ADDRESS_CHOICE];
    const errorId = `${fieldId(ADDRESS_CHOICE)}-error`;
    const describedBy = ['suggestions-hint', error ? errorId : ''].filter(Boolean).join(' ');
    const options: Array<{ choice: number | 'entered'; label: string; detail?: string }> = [
      ...this._suggestions.map((address, index) => ({ choice: index, label: this._formatAddress(address) })),
      { choice: 'entered' as const, label: this.t('customerDetails.suggestionAsEntered'), detail: this._formatAddress(this._entered) },
    ];
    return html`
      <fieldset class="suggestions" part="fieldset suggestions">
        <legend>${this.t('customerDetails.suggestionsLegend')}</legend>
        <p id="suggestions-hint" class="hint" part="hint">${this._checkMessage ?? ''} ${this.t('customerDetails.suggestionsHint')}</p>
        ${error ? html`<p id=${errorId} class="error" part="error">${error}</p>` : nothing}
        <ul role="list">
          ${options.map(
            ({ choice, label, detail }, index) => html`
              <li>
                <label class="choice">
                  <input
                    type="radio"
                    name="address-choice"
                    id=${index === 0 ? fieldId(ADDRESS_CHOICE) : `suggestion-${index}`}
                    value=${String(choice)}
                    part="radio suggestion-radio"
                    .checked=${live(this._choice === choice)}
                    aria-invalid=${error ? 'true' : 'false'}
                    aria-describedby=${describedBy}
                    @change=${() => this._onPickSuggestion(choice)}
                  />
                  <span class="choice-text">
                    <span>${label}</span>
                    ${detail ? html`<span class="hint">${detail}</span>` : nothing}
                  </span>
                </label>
              </li>
            `,
          )}
        </ul>
      </fieldset>
    `;
  }

  private _renderCheckFailed(): TemplateResult | typeof nothing {
    if (this._check !== 'failed') return nothing;
    return html`
      <div class="notice danger check-failed" part="check-failed" role="alert">
        <p><strong>${this.t('customerDetails.addressCheckFailed')}</strong></p>
        <p>${this.t('customerDetails.addressCheckFailedDetail')}</p>
        <div class="inline-actions">
          <button type="button" part="button retry-button" @click=${this._onRetryCheck}>${this.t('customerDetails.retry')}</button>
          <button type="button" part="button continue-anyway-button" @click=${this._onContinueAnyway}>
            ${this.t('customerDetails.continueAnyway')}
          </button>
        </div>
      </div>
    `;
  }

  protected override render(): TemplateResult {
    const messages = this._messages();
    const labels: Record<string, string> = Object.fromEntries(FIELDS.map((field) => [field, this._label(field)]));
    labels[ADDRESS_CHOICE] = this.t('customerDetails.addressChoiceLabel');
    const showSummary = this.showsSummary || Object.keys(this._checkErrors).length > 0;
    const country = this._draft.country.trim().toUpperCase();
    const checking = this._check === 'checking';
    return html`
      <section aria-labelledby="heading">
        <h2 id="heading" class="step-heading" tabindex="-1" part="step-heading">${this.t('customerDetails.heading')}</h2>
        <p class="intro" part="intro">${this.t('customerDetails.intro')}</p>
        ${showSummary ? renderErrorSummary(messages, labels, this.t('customerDetails.errorSummaryTitle'), this.shadowRoot) : nothing}
        <form
          novalidate
          @submit=${(e: Event) => {
            e.preventDefault();
            void this._onNext();
          }}
        >
          <fieldset part="fieldset">
            <legend>${this.t('customerDetails.legendCompany')}</legend>
            <div class="fields">
              ${this._field('companyName', messages, {
                autocomplete: 'organization',
                required: true,
                hint: this.t('customerDetails.companyNameHint'),
                wide: true,
              })}
            </div>
          </fieldset>
          <fieldset part="fieldset">
            <legend>${this.t('customerDetails.legendAddress')}</legend>
            <div class="fields">
              ${renderSelectField(
                {
                  name: 'country',
                  label: this._label('country'),
                  autocomplete: 'country',
                  required: true,
                  wide: true,
                  part: 'country-select',
                  placeholder: this.t('customerDetails.countryPlaceholder'),
                  options: countryOptions(this.locale),
                },
                country,
                messages.country,
                this._handlers,
              )}
              ${this._renderAddressFields(country, messages)}
            </div>
          </fieldset>
          ${this._renderSuggestions(messages)}
          <fieldset part="fieldset">
            <legend>${this.t('customerDetails.legendContact')}</legend>
            <div class="fields">
              ${this._field('firstName', messages, { autocomplete: 'given-name', required: true, spellcheck: false })}
              ${this._field('lastName', messages, { autocomplete: 'family-name', required: true, spellcheck: false })}
              ${this._field('email', messages, {
                autocomplete: 'email',
                type: 'email',
                required: true,
                spellcheck: false,
                hint: this.t('customerDetails.emailHint'),
                // A row of its own: its hint would push it below the names beside it, and
                // addresses are long.
                wide: true,
              })}
              ${this._field('phone', messages, { autocomplete: 'tel', type: 'tel' })}
            </div>
          </fieldset>
          ${this._renderCheckFailed()}
          <div class="actions">
            <button type="button" part="button back-button" ?hidden=${this.noBack} @click=${this._onBack}>${this.t('customerDetails.back')}</button>
            <button
              type="submit"
              class="primary"
              part="button next-button"
              aria-disabled=${checking ? 'true' : 'false'}
              aria-busy=${checking ? 'true' : 'false'}
            >
              ${checking ? this.t('customerDetails.checkingAddress') : this.t('customerDetails.next')}
            </button>
          </div>
        </form>
        <div class="visually-hidden" role="status" part="status">${this._announcement}</div>
      </section>
    `;
  }
}

LcElement.define('lc-customer-details', LcCustomerDetails);

declare global {
  interface HTMLElementTagNameMap {
    'lc-customer-details': LcCustomerDetails;
  }
}

export type { CompanyDraft } from '../../checkout/validate.js';

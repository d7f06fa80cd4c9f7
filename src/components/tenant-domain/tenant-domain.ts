import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { CheckoutApi } from '../../api/api.js';
import type { DomainAvailability, TenantLookup } from '../../api/schemas.js';
import { LcElement } from '../../base/lc-element.js';
import { LcFormStepElement } from '../../base/lc-step-element.js';
import {
  PREFIX_MAX_LENGTH,
  currentAvailability,
  currentLookup,
  domainError,
  emptyTenant,
  invalidPrefixChars,
  normalizeDomain,
  prefixError,
  samePrefix,
  validateTenant,
  type ErrorCode,
  type TenantDraft,
  type TenantField,
} from '../../checkout/validate.js';
import { LcCompanyNameChangeEvent } from '../../events/company-name-change.js';
import { LcStepBackEvent } from '../../events/step-back.js';
import { LcStepInputEvent } from '../../events/step-input.js';
import { LcStepNextEvent } from '../../events/step-next.js';
import { AbortOnDisconnect } from '../../internal/abort-on-disconnect.js';
import { LookupController } from '../../internal/lookup.js';
import { controls, tokens } from '../../styles/tokens.js';
import { fieldId, focusField, formatIsolated, renderErrorSummary, type FieldMessages } from '../shared/form.js';
import { formStyles } from '../shared/form.styles.js';
import { SUFFIX, charList, icon, normalizeTenantDraft, type CheckLine } from './tenant-domain.parts.js';
import { renderRegistered, renderSuggestions, renderTenantCheckbox } from './tenant-domain.parts.js';
import { tenantDomainStyles } from './tenant-domain.styles.js';
import { tenantDomainStrings, type TenantDomainStrings } from './tenant-domain.strings.js';
import { renderSuffixHint } from './tenant-domain.suffix-hint.js';
// <lc-checkout> slots <lc-admin-access> into this step: it comes with it.
import './admin-access.js';

/** Quiet time after the last keystroke before a look-up is sent. */
const LOOKUP_DEBOUNCE_MS = 400;

/** The key of the company-name comparison in the message map; the "Use …" button carries its id. */
const COMPANY_NAME = 'companyName';

type Key = keyof TenantDomainStrings & string;

/**
 * @summary Checkout step for a new customer's Microsoft 365 tenant: the customer's existing
 * tenant (its default domain, looked up, with the registered company name compared to the
 * one entered) or a new tenant (a domain prefix, validated as typed and checked for
 * availability, with suggestions when taken).
 *
 * Works alone (set `api`, `companyName` and listen to the events) or inside `<lc-checkout>`,
 * which provides the API client, the locale and the strings through context. Look-ups are
 * sent 400 ms after the last keystroke, and a superseded one is aborted. Continue checks a
 * new prefix's availability once more, with a fresh request, before it reports the step done.
 *
 * @fires lc-step-input - `LcStepInputEvent<TenantDraft>`: the user changed something (checkbox,
 *   domain, prefix, a suggestion) or a look-up answer was stored in the draft (`availability`,
 *   `lookup`); `value` is the whole draft. Not fired when the owner sets `value`.
 * @fires lc-step-next - `LcStepNextEvent<TenantDraft>`: Continue was pressed and the step's checks
 *   pass (`validateTenant`), the new prefix available on a fresh check.
 * @fires lc-step-back - `LcStepBackEvent`: Back, or "Edit company details", was pressed.
 * @fires lc-company-name-change - `LcCompanyNameChangeEvent`: the user chose the company name
 *   registered with Microsoft; `companyName` is that name. Cancelable; unless cancelled the
 *   element also takes it as its own `companyName`.
 *
 * @csspart step-heading - The step's heading (focusable, see `focusHeading()`).
 * @csspart intro - The sentence under the heading.
 * @csspart error-summary - The list of problems, each a link to its field.
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart hint - A field's or the checkbox's hint.
 * @csspart error - A field's error message.
 * @csspart checkbox - The checkbox; also `tenant-checkbox`.
 * @csspart tenant-checkbox - "My customer is already using Microsoft 365 / Office 365".
 * @csspart input - Every text input; also `prefix-input` and `domain-input`.
 * @csspart prefix-input - The new tenant's domain prefix.
 * @csspart suffix - The `.onmicrosoft.com` shown after the prefix.
 * @csspart suffix-hint - Under an existing tenant's domain typed without `.onmicrosoft.com`: the hint and its button.
 * @csspart use-domain-button - Puts the suggested `….onmicrosoft.com` domain in the field.
 * @csspart domain-input - The existing tenant's default domain.
 * @csspart notice - The permanence notice.
 * @csspart availability - The prefix's availability: checking, available, taken (with suggestions), failed.
 * @csspart suggestion - One suggested prefix (a list item).
 * @csspart lookup - The tenant look-up: looking up, found, not found, failed.
 * @csspart comparison - The entered and the registered company names side by side.
 * @csspart button - Every button; also the ones below.
 * @csspart suggestion-button - Fills a suggested prefix.
 * @csspart retry-button - Repeats a failed check or look-up.
 * @csspart adopt-button - Uses the registered company name.
 * @csspart edit-company-button - Goes back to the company details.
 * @csspart back-button - Back (hidden with `no-back`).
 * @csspart next-button - Continue; busy while the final check runs.
 * @csspart status - The visually hidden live region.
 *
 * @cssproperty --lc-color-accent - Primary button, notices.
 * @cssproperty --lc-color-accent-text - Text on the primary button.
 * @cssproperty --lc-color-text - Text colour.
 * @cssproperty --lc-color-muted - Hints and the suffix.
 * @cssproperty --lc-color-surface - Field background.
 * @cssproperty --lc-color-surface-alt - Notices and comparison background.
 * @cssproperty --lc-color-border - Borders.
 * @cssproperty --lc-color-danger - Errors, "taken" and "not found".
 * @cssproperty --lc-color-success - "Available" and "found".
 * @cssproperty --lc-color-warning - The permanence notice, marked differences.
 * @cssproperty --lc-color-focus - Focus ring.
 * @cssproperty --lc-radius - Corner radius.
 * @cssproperty --lc-space - Spacing unit.
 * @cssproperty --lc-font-family - Font.
 * @cssproperty --lc-font-size - Base font size.
 */
export class LcTenantDomain extends LcFormStepElement<TenantDomainStrings> {
  static override styles = [LcElement.baseStyles, tokens, controls, formStyles, tenantDomainStyles];

  /** `GET /domains/{prefix}` for the prefix being typed, debounced; a newer prefix aborts it. */
  private readonly _availabilityTask = new LookupController(this, {
    args: () => [this.api, this._prefixToCheck()] as const,
    lookup: ([api, prefix]) =>
      api && prefix !== undefined ? (signal: AbortSignal) => api.checkDomain(prefix, { signal }) : undefined,
    debounce: LOOKUP_DEBOUNCE_MS,
    onComplete: (availability) => this._storeAvailability(availability),
  });

  /** `GET /tenants/{domain}` for the domain being typed, debounced; a newer domain aborts it. */
  private readonly _lookupTask = new LookupController(this, {
    args: () => [this.api, this._domainToLookUp()] as const,
    lookup: ([api, domain]) =>
      api && domain !== undefined ? (signal: AbortSignal) => api.lookupTenant(domain, { signal }) : undefined,
    debounce: LOOKUP_DEBOUNCE_MS,
    onComplete: (answer) => this._storeLookup(answer),
  });

  /** The fresh check Continue makes; leaving the page cancels it. */
  private readonly _confirmRequest = new AbortOnDisconnect(this, () => this._cancelConfirm());

  protected readonly defaultStrings = tenantDomainStrings;

  /** The backend client (availability and tenant look-ups). Inside `<lc-checkout>` it comes from context. */
  declare api?: CheckoutApi;

  /**
   * Locale of lists in messages; falls back to context, then the nearest `lang` in the page.
   * @attr
   */
  declare lang: string;

  /** Overrides of the default texts (see `tenant-domain.strings.ts`), key by key. */
  declare strings?: Partial<TenantDomainStrings>;

  /**
   * The step's draft (`TenantDraft`: the checkbox, both typed values and the look-up answers).
   * The element keeps its own copy, so it works uncontrolled; a value set by the owner
   * replaces it (no event). Setting again what the owner set last time is ignored. A domain or
   * prefix the owner fills counts as prefilled: its error shows at once.
   */
  @property({ attribute: false })
  get value(): TenantDraft {
    return this._draft;
  }
  set value(next: Partial<TenantDraft> | undefined) {
    const incoming = normalizeTenantDraft(next);
    if (!this.takeOwnerValue(incoming, this._draft, ['domain', 'prefix'])) return;
    if (
      incoming.hasTenant !== this._draft.hasTenant ||
      incoming.prefix !== this._draft.prefix ||
      normalizeDomain(incoming.domain) !== normalizeDomain(this._draft.domain)
    ) {
      this._cancelConfirm();
    }
    this._draft = incoming;
  }

  /**
   * The company name entered on the details step, compared character for character (ends
   * trimmed) with the name registered for an existing tenant.
   */
  @property({ attribute: false })
  companyName = '';

  /**
   * Backend messages, already mapped to this step's field names (`prefix`, `domain`). Shown
   * at once; a field's message goes as soon as the user edits that field.
   */
  declare fieldErrors?: Partial<Record<TenantField, string>>;

  /** Hides the Back button. */
  @property({ type: Boolean, reflect: true, attribute: 'no-back' })
  noBack = false;

  @state() private _draft: TenantDraft = { ...emptyTenant };
  /** The fresh check Continue makes is running. */
  @state() private _confirming = false;
  /** The fresh check Continue made failed (Retry repeats Continue). */
  @state() private _confirmFailed = false;
  /** The prefix was typed in: its rule errors show as typed, not only after leaving the field. */
  @state() private _prefixTyped = false;
  @state() private _announcement = '';

  /** `t` for the render parts outside the class. */
  private readonly _translate = (key: Key, values?: Record<string, string | number>) => this.t(key, values);

  private _onHasTenantChange(event: Event): void {
    const hasTenant = (event.target as HTMLInputElement).checked;
    this._cancelConfirm();
    // Both typed values stay: unchecking by mistake must not lose the domain.
    this._commit({ ...this._draft, hasTenant });
  }

  private _onFieldInput(field: TenantField, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.fieldEdited(field);
    if (field === 'prefix') this._prefixTyped = true;
    this._cancelConfirm();
    this._commit({ ...this._draft, [field]: value });
  }

  private _onFieldBlur(field: TenantField): void {
    this.interaction.touched(field);
  }

  private async _onPickSuggestion(prefix: string): Promise<void> {
    // Picked, not typed: no longer the owner's value, yet not a field the user has edited.
    this.interaction.prefill('prefix', '');
    this.dropServerError('prefix');
    this._cancelConfirm();
    this._availabilityTask.skipDebounce();
    this._commit({ ...this._draft, prefix });
    await this.updateComplete;
    // The suggestion buttons go with the taken state: keep focus in the field just filled.
    focusField(this.shadowRoot, 'prefix');
  }

  /** The hint's `….onmicrosoft.com` put in the domain field, as if typed. */
  private async _onUseDomain(domain: string): Promise<void> {
    this.fieldEdited('domain');
    this._cancelConfirm();
    this._commit({ ...this._draft, domain });
    await this.updateComplete;
    focusField(this.shadowRoot, 'domain');
  }

  private _onRetry(): void {
    if (this._confirmFailed) {
      void this._onNext();
      return;
    }
    this._currentTask().run();
  }

  private async _onUseRegisteredName(name: string): Promise<void> {
    const event = new LcCompanyNameChangeEvent(name);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    // Alone, nobody sets the name back: take it here (an owner sets the same name again).
    this.companyName = name;
    this._announcement = this.t('tenant.announceNameUsed', { name });
    await this.updateComplete;
    // The button leaves with the comparison; Continue is what comes next.
    this.renderRoot.querySelector<HTMLElement>('[part~="next-button"]')?.focus();
  }

  private _onBack(): void {
    this.dispatchEvent(new LcStepBackEvent('tenant-domain'));
  }

  private async _onNext(): Promise<void> {
    if (this._confirming) return;
    this.interaction.submit();
    const field: TenantField = this._draft.hasTenant ? 'domain' : 'prefix';
    const ruleError = this._draft.hasTenant ? domainError(this._draft.domain) : prefixError(this._draft.prefix);
    if (ruleError || this._serverErrors[field]) {
      await this._focusFirstError();
      return;
    }
    // A new prefix is always checked again (someone may have taken it meanwhile); a domain
    // is looked up now only when the debounced look-up has no answer for it yet.
    if (!this._draft.hasTenant || !currentLookup(this._draft)) {
      const confirmed = await this._confirm();
      if (!confirmed) return;
    }
    if (Object.keys(validateTenant(this._draft, this.companyName)).length > 0) {
      await this._focusFirstError();
      return;
    }
    this.dispatchEvent(new LcStepNextEvent('tenant-domain', { ...this._draft }));
  }

  /** The fresh, undebounced check Continue makes. Resolves false when it failed or was superseded. */
  private async _confirm(): Promise<boolean> {
    const api = this.api;
    if (!api) return true; // nothing to ask: the validator reports the step unchecked
    const draft = this._draft;
    this._cancelConfirm();
    const controller = this._confirmRequest.start();
    this._confirming = true;
    this._confirmFailed = false;
    const { signal } = controller;
    try {
      const answer = draft.hasTenant
        ? await api.lookupTenant(normalizeDomain(draft.domain), { signal })
        : await api.checkDomain(draft.prefix, { signal });
      if (signal.aborted) return false;
      this._confirming = false;
      if ('available' in answer) this._storeAvailability(answer);
      else this._storeLookup(answer);
      return true;
    } catch {
      if (controller.signal.aborted) return false;
      this._confirming = false;
      this._confirmFailed = true;
      return false;
    } finally {
      this._confirmRequest.finish(controller);
    }
  }

  private _cancelConfirm(): void {
    this._confirmRequest.abort();
    this._confirming = false;
    this._confirmFailed = false;
  }

  private async _focusFirstError(): Promise<void> {
    await this.updateComplete;
    await this.focusFirstInvalid(this._messages());
  }

  /** Stores an availability answer, if it is still for the prefix in the form. */
  private _storeAvailability(availability: DomainAvailability): void {
    if (this._draft.hasTenant || !samePrefix(availability.prefix, this._draft.prefix)) return;
    this._commit({ ...this._draft, availability });
  }

  /** Stores a tenant look-up, if it is still for the domain in the form. */
  private _storeLookup(answer: TenantLookup): void {
    if (!this._draft.hasTenant || normalizeDomain(answer.domain) !== normalizeDomain(this._draft.domain)) return;
    this._commit({ ...this._draft, lookup: answer });
  }

  private _commit(next: TenantDraft): void {
    // An answer for another prefix or domain no longer counts: drop it, as the checkout's machine does.
    const draft = { ...next };
    if (draft.availability && !samePrefix(draft.availability.prefix, draft.prefix)) delete draft.availability;
    if (draft.lookup && normalizeDomain(draft.lookup.domain) !== normalizeDomain(draft.domain)) delete draft.lookup;
    this._draft = draft;
    this.dispatchEvent(new LcStepInputEvent('tenant-domain', { ...draft }));
  }

  /** The prefix the debounced check should ask about: valid, new tenant, no answer yet. */
  private _prefixToCheck(): string | undefined {
    const draft = this._draft;
    if (draft.hasTenant || this._confirming || this._confirmFailed) return undefined;
    if (prefixError(draft.prefix) || currentAvailability(draft)) return undefined;
    return draft.prefix;
  }

  /** The domain the debounced look-up should ask about: valid format, existing tenant, no answer yet. */
  private _domainToLookUp(): string | undefined {
    const draft = this._draft;
    if (!draft.hasTenant || this._confirming || this._confirmFailed) return undefined;
    if (domainError(draft.domain) || currentLookup(draft)) return undefined;
    return normalizeDomain(draft.domain);
  }

  /** The look-up of the shown field: the tenant's for a domain, the availability for a prefix. */
  private _currentTask(): LookupController<readonly unknown[], unknown> {
    return this._draft.hasTenant ? this._lookupTask : this._availabilityTask;
  }

  /** Whether the shown field's look-up has something to ask (valid input, no answer yet). */
  private _awaitsAnswer(): boolean {
    return (this._draft.hasTenant ? this._domainToLookUp() : this._prefixToCheck()) !== undefined;
  }

  private _checking(): boolean {
    return this._confirming || (this._awaitsAnswer() && this._currentTask().pending);
  }

  private _checkFailed(): boolean {
    return this._confirmFailed || (this._awaitsAnswer() && this._currentTask().failed);
  }

  private _newDomain(): string {
    return `${this._draft.prefix.toLowerCase()}${SUFFIX}`;
  }

  /** The disallowed characters, each quoted, as a list in the locale ("“-”, “.”"). */
  private _message(field: TenantField, code: ErrorCode): string {
    const values = {
      domain: field === 'prefix' ? this._newDomain() : normalizeDomain(this._draft.domain),
      chars: field === 'prefix' ? charList(invalidPrefixChars(this._draft.prefix), this._translate, this.locale) : '',
      max: PREFIX_MAX_LENGTH,
      count: Array.from(this._draft.prefix).length,
    };
    if (code === 'required') return this.t(`tenant.error.${field}.required`, values);
    const key = `tenant.error.${code}`;
    return key in tenantDomainStrings ? this.t(key as Key, values) : this.t('tenant.error.invalid', values);
  }

  /**
   * Every problem of the shown field, in words: the backend's message first, then the
   * validator's code. A look-up still running is not a problem yet; a name mismatch is filed
   * under the comparison, whose "Use …" button takes the focus.
   */
  private _allMessages(): FieldMessages {
    const field: TenantField = this._draft.hasTenant ? 'domain' : 'prefix';
    const server = this._serverErrors[field];
    if (server) return { [field]: server };
    const code = validateTenant(this._draft, this.companyName)[field];
    if (!code) return {};
    if ((code === 'prefix-unchecked' || code === 'tenant-unchecked') && this._checking()) return {};
    if (code === 'company-name-mismatch') return { [COMPANY_NAME]: this._message(field, code) };
    return { [field]: this._message(field, code) };
  }

  /** The problems to show now: as typed for the prefix, after leaving the field for the domain, all after Continue. */
  private _messages(): FieldMessages {
    return this.visibleMessages(this._allMessages(), (name) => (name === 'prefix' && this._prefixTyped) || name === COMPANY_NAME);
  }

  /** The error under the input: the rules of the text itself (look-up answers show in their own region). */
  private _inlineError(field: TenantField, messages: FieldMessages): string | undefined {
    const message = messages[field];
    if (!message || this._serverErrors[field]) return message;
    const rule = field === 'prefix' ? prefixError(this._draft.prefix) : domainError(this._draft.domain);
    return rule ? message : undefined;
  }


  /** The shown field: the new tenant's prefix (with the suffix after it) or the existing tenant's domain. */
  private _renderTextField(field: TenantField, messages: FieldMessages): TemplateResult {
    const prefix = field === 'prefix';
    const id = fieldId(field);
    const error = this._inlineError(field, messages);
    // A taken prefix or an unknown domain is invalid too; its words are in the status line.
    const refused = prefix ? currentAvailability(this._draft)?.available === false : currentLookup(this._draft)?.exists === false;
    const describedBy = [`${id}-hint`, prefix ? `${id}-suffix` : '', error ? `${id}-error` : '', prefix ? 'availability-status' : 'lookup-status']
      .filter(Boolean)
      .join(' ');
    const input = html`<input
      id=${id}
      name=${field}
      part=${`input ${field}-input`}
      type="text"
      inputmode=${prefix ? nothing : 'url'}
      autocomplete="off"
      autocapitalize="none"
      spellcheck="false"
      dir="ltr"
      required
      .value=${live(this._draft[field])}
      aria-invalid=${error || refused ? 'true' : 'false'}
      aria-describedby=${describedBy}
      @input=${(e: Event) => this._onFieldInput(field, e)}
      @blur=${() => this._onFieldBlur(field)}
    />`;
    return html`
      <div class="field" part="field">
        <label for=${id} part="label">${this.t(`tenant.${field}`)}</label>
        <div id=${`${id}-hint`} class="hint" part="hint">${this.t(`tenant.${field}Hint`)}</div>
        ${prefix
          ? html`<div class="prefix-group" dir="ltr">
              ${input}<span id=${`${id}-suffix`} class="suffix" part="suffix">${this.t('tenant.suffix')}</span>
            </div>`
          : input}
        ${error ? html`<div id=${`${id}-error`} class="error" part="error">${error}</div>` : nothing}
        ${prefix ? nothing : renderSuffixHint(this._draft.domain, (key) => this.t(key), (domain) => void this._onUseDomain(domain))}
      </div>
    `;
  }

  /** The answer to the shown field's look-up as a status line, with what goes under it. */
  private _answer(domain: string): CheckLine | undefined {
    if (this._draft.hasTenant) {
      const answer = currentLookup(this._draft);
      if (!answer) return undefined;
      return answer.exists
        ? { kind: 'found', line: html`${icon('ok')}<span>${this.t('tenant.found')}</span>`, more: this._renderFound(answer) }
        : { kind: 'not-found', line: html`${icon('no')}<span>${this.t('tenant.notFound')}</span>` };
    }
    const availability = currentAvailability(this._draft);
    if (!availability) return undefined;
    return availability.available
      ? { kind: 'available', line: html`${icon('ok')}<span>${formatIsolated(this.t('tenant.available'), { domain })}</span>` }
      : {
          kind: 'taken',
          line: html`${icon('no')}<span>${formatIsolated(this.t('tenant.taken'), { domain })}</span>`,
          more: renderSuggestions(availability.suggestions, this._translate, (prefix) => this._onPickSuggestion(prefix)),
        };
  }

  /** The look-up of the shown field (`availability` of a new prefix, `lookup` of an existing domain): checking, its answer, or failed. */
  private _renderCheck(): TemplateResult {
    const hasTenant = this._draft.hasTenant;
    const part = hasTenant ? 'lookup' : 'availability';
    const domain = hasTenant ? normalizeDomain(this._draft.domain) : this._newDomain();
    const failedKey = hasTenant ? 'tenant.lookupFailed' : 'tenant.checkFailed';
    const failed: CheckLine = {
      kind: 'failed',
      line: html`${icon('alert')}<span>${formatIsolated(this.t(failedKey), { domain })} ${this.t(`${failedKey}Detail`)}</span>`,
      more: html`<button type="button" part="button retry-button" @click=${this._onRetry}>${this.t('tenant.retry')}</button>`,
    };
    const checking: CheckLine = {
      kind: 'checking',
      line: html`<span class="spinner" aria-hidden="true"></span><span>${this.t(hasTenant ? 'tenant.lookingUp' : 'tenant.checking')}</span>`,
    };
    // The fresh check of Continue speaks first: an older answer must not hide that it failed.
    const shown = this._confirmFailed
      ? failed
      : ((this._confirming ? undefined : this._answer(domain)) ??
        (this._checking() ? checking : this._checkFailed() ? failed : undefined));
    const kind = shown?.kind ?? '';
    return html`
      <div class="check" part=${part} data-state=${kind || 'idle'}>
        <p id=${`${part}-status`} class=${`status-line ${kind}`} role="status">${shown?.line ?? nothing}</p>
        ${shown?.more ?? nothing}
      </div>
    `;
  }

  private _renderFound(answer: TenantLookup): TemplateResult {
    const registered = answer.companyName ?? '';
    return renderRegistered({
      entered: this.companyName.trim(),
      registered,
      error: this.interaction.submitted ? this._messages()[COMPANY_NAME] : undefined,
      id: COMPANY_NAME,
      t: this._translate,
      onUseRegistered: () => this._onUseRegisteredName(registered),
      onEditCompany: () => this._onBack(),
    });
  }

  protected override render(): TemplateResult {
    const messages = this._messages();
    const labels: Record<string, string> = {
      prefix: this.t('tenant.prefix'),
      domain: this.t('tenant.domain'),
      [COMPANY_NAME]: this.t('tenant.companyName'),
    };
    const { hasTenant } = this._draft;
    return html`
      <section aria-labelledby="heading">
        <h2 id="heading" class="step-heading" tabindex="-1" part="step-heading">${this.t('tenant.heading')}</h2>
        <p class="intro" part="intro">${this.t('tenant.intro')}</p>
        ${this.showsSummary ? renderErrorSummary(messages, labels, this.t('tenant.errorSummaryTitle'), this.shadowRoot) : nothing}
        <form
          novalidate
          @submit=${(e: Event) => {
            e.preventDefault();
            void this._onNext();
          }}
        >
          ${renderTenantCheckbox(this._draft.hasTenant, this._translate, (e: Event) => this._onHasTenantChange(e))}
          ${hasTenant
            ? html`<div class="tenant-block">${this._renderTextField('domain', messages)} ${this._renderCheck()}</div>`
            : html`<div class="tenant-block">
                ${this._renderTextField('prefix', messages)} ${this._renderCheck()}
                <p class="notice warning" part="notice">${this.t('tenant.permanent')}</p>
              </div>`}
          <slot name="admin-access"></slot>
          <div class="actions">
            <button type="button" part="button back-button" ?hidden=${this.noBack} @click=${this._onBack}>
              ${this.t('tenant.back')}
            </button>
            <button
              type="submit"
              class="primary"
              part="button next-button"
              aria-disabled=${this._confirming ? 'true' : 'false'}
              aria-busy=${this._confirming ? 'true' : 'false'}
            >
              ${this.t('tenant.next')}
            </button>
          </div>
        </form>
        <div class="visually-hidden" role="status" part="status">${this._announcement}</div>
      </section>
    `;
  }
}

LcElement.define('lc-tenant-domain', LcTenantDomain);

declare global {
  interface HTMLElementTagNameMap {
    'lc-tenant-domain': LcTenantDomain;
  }
}

export type { TenantDraft } from '../../checkout/validate.js';

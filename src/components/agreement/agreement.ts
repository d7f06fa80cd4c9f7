import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { TaskStatus } from '@lit/task';
import type { CheckoutApi } from '../../api/api.js';
import type { Agreement } from '../../api/schemas.js';
import { LcElement } from '../../base/lc-element.js';
import { LcFormStepElement } from '../../base/lc-step-element.js';
import {
  emptyAgreement,
  todayIso,
  validateAgreement,
  type AgreementDraft,
  type AgreementField,
  type ErrorCode,
} from '../../checkout/validate.js';
import { LcStepBackEvent } from '../../events/step-back.js';
import { LcStepInputEvent } from '../../events/step-input.js';
import { LcStepNextEvent } from '../../events/step-next.js';
import { formatDate } from '../../i18n/format.js';
import { LookupController } from '../../internal/lookup.js';
import { controls, tokens } from '../../styles/tokens.js';
import {
  fieldId,
  renderErrorSummary,
  renderField,
  type FieldHandlers,
  type FieldMessages,
  type FieldSpec,
} from '../shared/form.js';
import { formStyles } from '../shared/form.styles.js';
import { agreementStyles } from './agreement.styles.js';
import { agreementStrings, type AgreementStrings } from './agreement.strings.js';

type Key = keyof AgreementStrings & string;
type TextField = Exclude<AgreementField, 'accepted'>;

/** The form's fields in the order they appear: errors, the summary and focus follow it. */
const FIELDS: readonly AgreementField[] = ['firstName', 'lastName', 'email', 'phone', 'dateAccepted', 'accepted'];
const TEXT_FIELDS: readonly TextField[] = ['firstName', 'lastName', 'email', 'phone', 'dateAccepted'];

/** The contract's length limits, for the "too long" message. */
const MAX_LENGTH: Partial<Record<AgreementField, number>> = { firstName: 50, lastName: 50, phone: 40 };

function normalize(value: Partial<AgreementDraft> | undefined): AgreementDraft {
  const out: AgreementDraft = { ...emptyAgreement };
  for (const field of TEXT_FIELDS) {
    const v = value?.[field];
    if (typeof v === 'string') out[field] = v;
  }
  out.accepted = value?.accepted === true;
  return out;
}

/** Only web links become links: a `javascript:` or `data:` URL from a backend must never be clickable. */
function safeHttpUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @summary Checkout step for the Microsoft Customer Agreement. In `attest` mode the partner
 * confirms that the customer's representative accepted it: who (first and last name, email,
 * phone), when (today or earlier) and an explicit acceptance checkbox, with a link to the
 * agreement's text. In `customer-accepts` mode there is nothing to fill in: the customer
 * accepts on Microsoft's page, and the provisioning step shows the link to send.
 *
 * Takes the agreement (`GET /agreement`) as the `agreement` property; without it, loads it
 * through `api` (with loading and failed states and a Retry). Works alone or inside
 * `<lc-checkout>`, which provides the API client, the locale and the strings through context.
 *
 * @fires lc-step-input - `LcStepInputEvent<AgreementDraft>`: the user changed a field; `value` is
 *   the whole draft. Not fired when the owner sets `value`.
 * @fires lc-step-next - `LcStepNextEvent<AgreementDraft>`: Continue was pressed and the form is valid
 *   (`validateAgreement`), or the mode is `customer-accepts`.
 * @fires lc-step-back - `LcStepBackEvent`: Back was pressed.
 *
 * @csspart step-heading - The step's heading (focusable, see `focusHeading()`).
 * @csspart intro - The explanation under the heading.
 * @csspart agreement-link - The link to the agreement's text (opens in a new tab).
 * @csspart error-summary - The list of problems, each a link to its field.
 * @csspart fieldset - The signatory group.
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart error - A field's error message.
 * @csspart input - Every text input; also `{field}-input`, e.g. `first-name-input`, `date-accepted-input`.
 * @csspart checkbox - The acceptance checkbox; also `accept-checkbox`.
 * @csspart accept-checkbox - "… has accepted the Microsoft Customer Agreement".
 * @csspart loading - Shown while the agreement loads.
 * @csspart failed - Shown when the agreement could not be loaded.
 * @csspart notice - The `customer-accepts` explanation.
 * @csspart button - Every button; also the ones below.
 * @csspart retry-button - Loads the agreement again.
 * @csspart back-button - Back (hidden with `no-back`).
 * @csspart next-button - Continue; marked unavailable while the agreement loads, left out when it could not be loaded.
 *
 * @cssproperty --lc-color-accent - Primary button, links, notices.
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
export class LcAgreement extends LcFormStepElement<AgreementStrings> {
  static override styles = [LcElement.baseStyles, tokens, controls, formStyles, agreementStyles];

  /** `GET /agreement`, only while no `agreement` is given. */
  private readonly _agreementTask = new LookupController(this, {
    args: () => [this.api, !this.agreement] as const,
    lookup: ([api, needed]) => (api && needed ? (signal: AbortSignal) => api.getAgreement({ signal }) : undefined),
  });

  protected readonly defaultStrings = agreementStrings;

  /** The backend client (loads the agreement when `agreement` is not given). Inside `<lc-checkout>` it comes from context. */
  declare api?: CheckoutApi;

  /**
   * Locale of dates; falls back to context, then the nearest `lang` in the page.
   * @attr
   */
  declare lang: string;

  /** Overrides of the default texts (see `agreement.strings.ts`), key by key. */
  declare strings?: Partial<AgreementStrings>;

  /**
   * The step's draft (`AgreementDraft`). The element keeps its own copy, so it works
   * uncontrolled; a value set by the owner replaces it (no event). Setting again what the
   * owner set last time is ignored. An empty date is pre-filled with today until the user
   * edits the date. Fields the owner fills count as prefilled: their errors show at once.
   */
  @property({ attribute: false })
  get value(): AgreementDraft {
    return this._draft;
  }
  set value(next: Partial<AgreementDraft> | undefined) {
    const incoming = normalize(next);
    // The date is filled in after the comparison: the owner's empty date is what it set.
    const key = JSON.stringify(incoming);
    if (incoming.dateAccepted === '' && !this._dateEdited) incoming.dateAccepted = todayIso();
    if (!this.takeOwnerValue(incoming, this._draft, TEXT_FIELDS, key)) return;
    this._draft = incoming;
  }

  /** The current agreement (`GET /agreement`): its link, version, template id and mode. Loaded through `api` when not given. */
  @property({ attribute: false })
  agreement?: Agreement;

  /** The customer's company name, for the texts ("Contoso Ltd has accepted …"). */
  @property({ attribute: false })
  customerName?: string;

  /**
   * Backend messages, already mapped to this form's field names (`firstName`, `dateAccepted`,
   * `accepted`, …). Shown at once; a field's message goes as soon as the user edits that field.
   */
  declare fieldErrors?: Partial<Record<AgreementField, string>>;

  /** Hides the Back button. */
  @property({ type: Boolean, reflect: true, attribute: 'no-back' })
  noBack = false;

  @state() private _draft: AgreementDraft = { ...emptyAgreement, dateAccepted: todayIso() };

  private _dateEdited = false;

  private readonly _handlers: FieldHandlers = {
    onInput: (name, value) => this._onFieldInput(name as TextField, value),
    onBlur: (name) => this._onFieldBlur(name),
  };

  private _onFieldInput(field: TextField, value: string): void {
    this.fieldEdited(field);
    if (field === 'dateAccepted') this._dateEdited = true;
    this._commit({ ...this._draft, [field]: value });
  }

  private _onFieldBlur(field: string): void {
    this.interaction.touched(field);
  }

  private _onAcceptedChange(event: Event): void {
    const accepted = (event.target as HTMLInputElement).checked;
    // A checkbox has no half-typed state: its error shows (or goes) at once.
    this.fieldEdited('accepted');
    this.interaction.touched('accepted');
    this._commit({ ...this._draft, accepted });
  }

  private _onRetry(): void {
    this._agreementTask.run();
  }

  private _onBack(): void {
    this.dispatchEvent(new LcStepBackEvent('agreement'));
  }

  private async _onNext(): Promise<void> {
    const agreement = this._agreement();
    if (!agreement) return; // Continue is marked unavailable until the agreement is known
    if (agreement.mode === 'attest') {
      this.interaction.submit();
      const messages = this._messages();
      if (Object.keys(messages).length > 0) {
        await this.focusFirstInvalid(messages);
        return;
      }
    }
    this.dispatchEvent(new LcStepNextEvent('agreement', { ...this._draft }));
  }

  private _commit(next: AgreementDraft): void {
    this._draft = next;
    this.dispatchEvent(new LcStepInputEvent('agreement', { ...next }));
  }

  /** The agreement given, else the one loaded. */
  private _agreement(): Agreement | undefined {
    if (this.agreement) return this.agreement;
    return this._agreementTask.status === TaskStatus.COMPLETE ? this._agreementTask.value : undefined;
  }

  /** The customer's name for a sentence; `lower` where it does not start one. */
  private _customer(lower = false): string {
    const name = this.customerName?.trim();
    if (name) return name;
    return lower ? this.t('agreement.theCustomerLower') : this.t('agreement.theCustomer');
  }

  private _label(field: AgreementField): string {
    return field === 'accepted' ? this.t('agreement.acceptedLabel') : this.t(`agreement.${field}`);
  }

  private _message(field: AgreementField, code: ErrorCode): string {
    const values = { label: this._label(field), max: MAX_LENGTH[field] ?? '', name: this._customer(true) };
    const key = `agreement.error.${code}`;
    return key in agreementStrings ? this.t(key as Key, values) : this.t('agreement.error.invalid', values);
  }

  /** The problems to show now, in words (see `LcFormStepElement.messageMap` and `visibleMessages`). */
  private _messages(): FieldMessages {
    const codes = validateAgreement(this._draft, todayIso());
    return this.visibleMessages(this.messageMap(FIELDS, codes, (field, code) => this._message(field, code)));
  }

  private _field(field: TextField, messages: FieldMessages, extra: Partial<FieldSpec> & Pick<FieldSpec, 'autocomplete'>): TemplateResult {
    const spec: FieldSpec = {
      name: field,
      label: this._label(field),
      optionalText: this.t('agreement.optional'),
      part: `${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-input`,
      ...extra,
    };
    return renderField(spec, this._draft[field], messages[field], this._handlers);
  }

  private _renderLink(agreement: Agreement): TemplateResult {
    const href = safeHttpUrl(agreement.url);
    const text = agreement.version.trim()
      ? this.t('agreement.link', { version: agreement.version })
      : this.t('agreement.linkNoVersion');
    if (!href) return html`<p class="agreement-link">${text}</p>`;
    return html`<p class="agreement-link">
      <a href=${href} target="_blank" rel="noopener noreferrer" part="agreement-link"
        >${text}<span class="visually-hidden"> ${this.t('agreement.opensInNewTab')}</span></a
      >
    </p>`;
  }

  private _renderAccepted(messages: FieldMessages): TemplateResult {
    const id = fieldId('accepted');
    const error = messages['accepted'];
    return html`
      <div class="checkbox-field" part="field">
        <input
          id=${id}
          name="accepted"
          type="checkbox"
          part="checkbox accept-checkbox"
          required
          .checked=${live(this._draft.accepted)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${id}-error` : nothing}
          @change=${this._onAcceptedChange}
        />
        <div class="checkbox-text">
          <label for=${id} part="label">${this.t('agreement.accepted', { name: this._customer() })}</label>
          ${error ? html`<div id=${`${id}-error`} class="error" part="error">${error}</div>` : nothing}
        </div>
      </div>
    `;
  }

  private _renderAttest(agreement: Agreement): TemplateResult {
    const messages = this._messages();
    const labels: Record<string, string> = Object.fromEntries(FIELDS.map((field) => [field, this._label(field)]));
    const today = todayIso();
    return html`
      <p class="intro" part="intro">${this.t('agreement.attestIntro')}</p>
      ${this._renderLink(agreement)}
      ${this.showsSummary ? renderErrorSummary(messages, labels, this.t('agreement.errorSummaryTitle'), this.shadowRoot) : nothing}
      <form
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          void this._onNext();
        }}
      >
        <fieldset part="fieldset">
          <legend>${this.t('agreement.signatoryLegend')}</legend>
          <div class="fields">
            ${this._field('firstName', messages, { autocomplete: 'given-name', required: true, spellcheck: false })}
            ${this._field('lastName', messages, { autocomplete: 'family-name', required: true, spellcheck: false })}
            ${this._field('email', messages, { autocomplete: 'email', type: 'email', required: true, spellcheck: false })}
            ${this._field('phone', messages, { autocomplete: 'tel', type: 'tel' })}
            ${this._field('dateAccepted', messages, {
              autocomplete: 'off',
              type: 'date',
              required: true,
              max: today,
              hint: this.t('agreement.dateAcceptedHint', { today: formatDate(today, this.locale) }),
            })}
          </div>
        </fieldset>
        ${this._renderAccepted(messages)} ${this._renderActions(true)}
      </form>
    `;
  }

  private _renderCustomerAccepts(): TemplateResult {
    return html`
      <div class="notice" part="notice intro">
        <p>${this.t('agreement.customerAcceptsIntro', { name: this._customer() })}</p>
        <p>${this.t('agreement.customerAcceptsNext', { name: this._customer(true) })}</p>
      </div>
      ${this._renderActions(false)}
    `;
  }

  private _renderNotLoaded(): TemplateResult {
    if (this._agreementTask.failed) {
      // Nothing to continue with: Retry is the way on (Back stays, to leave the step).
      return html`
        <div class="notice danger" part="failed" role="alert">
          <p><strong>${this.t('agreement.loadFailed')}</strong></p>
          <p>${this.t('agreement.loadFailedDetail')}</p>
          <button type="button" part="button retry-button" @click=${this._onRetry}>${this.t('agreement.retry')}</button>
        </div>
        ${this._renderActions(false, 'hidden')}
      `;
    }
    const body = this.api
      ? html`<p id="not-ready" class="loading" part="loading" role="status" aria-busy="true">${this.t('agreement.loading')}</p>`
      : html`<p id="not-ready" class="notice" part="notice">${this.t('agreement.unavailable')}</p>`;
    return html`${body}${this._renderActions(false, { describedBy: 'not-ready' })}`;
  }

  /**
   * Back and Continue; Continue submits the form when there is one. Until the agreement is
   * known Continue is `aria-disabled` and described by the text saying why (`describedBy`),
   * or left out (`hidden`) when only Retry can help.
   */
  private _renderActions(inForm: boolean, next: 'ready' | 'hidden' | { describedBy: string } = 'ready'): TemplateResult {
    const notReady = typeof next === 'object' ? next.describedBy : undefined;
    return html`
      <div class="actions">
        <button type="button" part="button back-button" ?hidden=${this.noBack} @click=${this._onBack}>
          ${this.t('agreement.back')}
        </button>
        ${next === 'hidden'
          ? nothing
          : html`<button
              type=${inForm ? 'submit' : 'button'}
              class="primary"
              part="button next-button"
              aria-disabled=${notReady ? 'true' : 'false'}
              aria-describedby=${notReady ?? nothing}
              @click=${inForm ? nothing : this._onNext}
            >
              ${this.t('agreement.next')}
            </button>`}
      </div>
    `;
  }

  protected override render(): TemplateResult {
    const agreement = this._agreement();
    return html`
      <section aria-labelledby="heading">
        <h2 id="heading" class="step-heading" tabindex="-1" part="step-heading">${this.t('agreement.heading')}</h2>
        ${!agreement
          ? this._renderNotLoaded()
          : agreement.mode === 'attest'
            ? this._renderAttest(agreement)
            : this._renderCustomerAccepts()}
      </section>
    `;
  }
}

LcElement.define('lc-agreement', LcAgreement);

declare global {
  interface HTMLElementTagNameMap {
    'lc-agreement': LcAgreement;
  }
}

export type { AgreementDraft } from '../../checkout/validate.js';

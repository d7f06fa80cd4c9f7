import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { TaskStatus } from '@lit/task';
import type { CheckoutApi } from '../../api/api.js';
import { isApiError } from '../../api/errors.js';
import type { AcceptanceRequest, Agreement, Contact } from '../../api/schemas.js';
import { LcElement } from '../../base/lc-element.js';
import { LcFormStepElement } from '../../base/lc-step-element.js';
import { AcceptanceFollower } from '../../checkout/order-follower.js';
import {
  acceptanceDone,
  emptyAgreement,
  signatoryOf,
  validateAcceptance,
  validateSignatory,
  type AgreementDraft,
  type AgreementField,
  type ErrorCode,
} from '../../checkout/validate.js';
import { LcStepBackEvent } from '../../events/step-back.js';
import { LcStepInputEvent } from '../../events/step-input.js';
import { LcStepNextEvent } from '../../events/step-next.js';
import { cached, formatDateTime } from '../../i18n/format.js';
import { copyText } from '../../internal/clipboard.js';
import { LookupController } from '../../internal/lookup.js';
import { webUrl } from '../../internal/web-url.js';
import { ClockController } from '../provisioning/clock.js';
import { controls, tokens } from '../../styles/tokens.js';
import { isolate, renderErrorSummary, renderField, type FieldHandlers, type FieldMessages, type FieldSpec } from '../shared/form.js';
import { formStyles } from '../shared/form.styles.js';
import { agreementStyles } from './agreement.styles.js';
import { agreementStrings, type AgreementStrings } from './agreement.strings.js';

type Key = keyof AgreementStrings & string;

/** The signatory's fields in the order they appear: errors, the summary and focus follow it. */
const FIELDS: readonly AgreementField[] = ['firstName', 'lastName', 'email', 'phone'];

/** The contract's length limits, for the "too long" message. */
export const MAX_LENGTH: Partial<Record<AgreementField, number>> = { firstName: 50, lastName: 50, phone: 40 };

function normalize(value: Partial<AgreementDraft> | undefined): AgreementDraft {
  const out: AgreementDraft = { ...emptyAgreement };
  for (const field of FIELDS) {
    const v = value?.[field];
    if (typeof v === 'string') out[field] = v;
  }
  out.someoneElse = value?.someoneElse === true;
  if (value?.acceptance) out.acceptance = value.acceptance;
  return out;
}

/** The page language for Microsoft's acceptance page, as the contract takes it (`en`, `de-DE`). */
function pageLanguage(locale: string | undefined): string {
  const tag = (locale ?? '').replace(/_/g, '-');
  return /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : 'en';
}

/** Milliseconds until the link expires. */
const msLeft = (acceptance: AcceptanceRequest): number => Date.parse(acceptance.expiresAt) - Date.now();

/** "in 6 days", "in 3 hours", "in 5 minutes", "in 40 seconds": the time left, in the largest whole unit. */
function timeLeft(ms: number, locale: string | undefined): string {
  const minutes = Math.round(ms / 60_000);
  // Kept per locale: the step renders this each second in the last hour.
  const format = cached(`relative|${locale}`, () => new Intl.RelativeTimeFormat(locale));
  return minutes >= 2880
    ? format.format(Math.floor(minutes / 1440), 'day')
    : minutes >= 120
      ? format.format(Math.floor(minutes / 60), 'hour')
      : minutes > 1
        ? format.format(minutes, 'minute')
        : format.format(Math.ceil(ms / 1000), 'second');
}

/**
 * @summary Checkout step for the Microsoft Customer Agreement. The customer's signatory
 * accepts it on Microsoft's own page, without signing in: this step creates the link for them
 * (`POST /agreement-acceptances`), offers it to copy, open (new tab) or email, and follows its
 * status live (server-sent events, else polling with backoff) until the customer accepted.
 * The signatory is the primary contact (`contact`) unless "Someone else signs". An expired
 * link can be generated again. Continue is allowed while acceptance is pending (the order then
 * waits on it during provisioning), unless the store requires acceptance before the order.
 *
 * Takes the agreement (`GET /agreement`) as the `agreement` property; without it, loads it
 * through `api` (with loading and failed states and a Retry). Works alone or inside
 * `<lc-checkout>`, which provides the API client, the locale and the strings through context.
 *
 * @fires lc-step-input - `LcStepInputEvent<AgreementDraft>`: the user changed a field, or the
 *   acceptance request was created, renewed or changed status; `value` is the whole draft.
 *   Not fired when the owner sets `value`.
 * @fires lc-step-next - `LcStepNextEvent<AgreementDraft>`: Continue was pressed and the
 *   acceptance allows it (`validateAcceptance`).
 * @fires lc-step-back - `LcStepBackEvent`: Back was pressed.
 *
 * @csspart step-heading - The step's heading (focusable, see `focusHeading()`).
 * @csspart intro - The explanation under the heading.
 * @csspart agreement-link - The link to the agreement's text (opens in a new tab).
 * @csspart error-summary - The list of problems, each a link to its field.
 * @csspart fieldset - The signatory group.
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint; also why Continue is unavailable.
 * @csspart error - A field's error message.
 * @csspart input - Every text input; also `{field}-input`, e.g. `first-name-input`.
 * @csspart checkbox - The "Someone else signs" checkbox; also `someone-else-checkbox`.
 * @csspart someone-else-checkbox - "Someone else signs".
 * @csspart acceptance - The link, its status and expiry.
 * @csspart acceptance-status - The acceptance request's status, in words (`data-status` holds it).
 * @csspart acceptance-url - The link as text.
 * @csspart open-link - Opens the link in a new tab (says so in its text).
 * @csspart email-link - A `mailto:` with a subject and body in the page's language.
 * @csspart loading - Shown while the agreement loads.
 * @csspart failed - Shown when the agreement could not be loaded, or the link not created.
 * @csspart notice - Explanations (what Continue does now).
 * @csspart button - Every button; also the ones below.
 * @csspart create-button - Creates the acceptance link.
 * @csspart copy-button - Copies the link.
 * @csspart regenerate-button - Generates a new link once the last one expired.
 * @csspart retry-button - Loads the agreement again.
 * @csspart back-button - Back (hidden with `no-back`).
 * @csspart next-button - Continue; marked unavailable (`aria-disabled`) until the acceptance allows it.
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

  /** The acceptance request's status, live, while it waits for the signatory. */
  private readonly _follower = new AcceptanceFollower(this, { api: () => this.api, onSnapshot: (acceptance) => this._take(acceptance) });

  /**
   * The time left, while the link waits: once a minute, by the second in the last hour, and on
   * the expiry itself, which the step then shows without waiting for the backend to say so.
   */
  private readonly _clock = new ClockController(this, () => {
    const ms = msLeft(this._draft.acceptance!);
    return Math.min(ms, ms > 3_600_000 ? 60_000 : 1000);
  });

  protected readonly defaultStrings = agreementStrings;

  /** The backend client (creates and follows the acceptance request). Inside `<lc-checkout>` it comes from context. */
  declare api?: CheckoutApi;

  /**
   * Locale of dates, and the language of Microsoft's page and of the email; falls back to
   * context, then the nearest `lang` in the page.
   * @attr
   */
  declare lang: string;

  /** Overrides of the default texts (see `agreement.strings.ts`), key by key. */
  declare strings?: Partial<AgreementStrings>;

  /**
   * The step's draft (`AgreementDraft`): the signatory's fields, "someone else signs", and
   * the acceptance request once created. The element keeps its own copy, so it works
   * uncontrolled; a value set by the owner replaces it (no event). Setting again what the
   * owner set last time is ignored.
   */
  @property({ attribute: false })
  get value(): AgreementDraft {
    return this._draft;
  }
  set value(next: Partial<AgreementDraft> | undefined) {
    const incoming = normalize(next);
    if (!this.takeOwnerValue(incoming, this._draft, FIELDS)) return;
    this._draft = incoming;
  }

  /** The current agreement (`GET /agreement`): its link, version, and whether acceptance must come before the order. Loaded through `api` when not given. */
  @property({ attribute: false })
  agreement?: Agreement;

  /** The customer's exact company name: on Microsoft's page, in the texts and the email. */
  @property({ attribute: false })
  customerName?: string;

  /** The customer's country (ISO 3166-1 alpha-2), for Microsoft's page. */
  @property({ attribute: false })
  country?: string;

  /** The customer's primary contact, who signs unless "Someone else signs". Without it the signatory is typed in. */
  @property({ attribute: false })
  contact?: Partial<Contact>;

  /**
   * Backend messages, already mapped to this form's field names (`firstName`, `email`, …).
   * Shown at once; a field's message goes as soon as the user edits that field.
   */
  declare fieldErrors?: Partial<Record<AgreementField, string>>;

  /** Hides the Back button. */
  @property({ type: Boolean, reflect: true, attribute: 'no-back' })
  noBack = false;

  @state() private _draft: AgreementDraft = { ...emptyAgreement };
  @state() private _busy = false;
  @state() private _failure?: string;
  @state() private _announcement = '';

  private readonly _handlers: FieldHandlers = {
    onInput: (name, value) => {
      this.fieldEdited(name);
      this._commit({ ...this._draft, [name]: value });
    },
    onBlur: (name) => this.interaction.touched(name),
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const acceptance = this._draft.acceptance;
    if (acceptance) this._take(acceptance);
    this._clock.running = this._current()?.status === 'link-generated';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Followed while it waits for the signatory; a new link is followed anew.
    const acceptance = this._draft.acceptance;
    if (acceptance?.status === 'link-generated') this._follower.follow(acceptance.id);
    else if (!acceptance) this._follower.stop();
  }

  /** A snapshot of the request (or the draft's own, at each tick): a link past its expiry counts as expired, whatever the backend said. */
  private _take(acceptance: AcceptanceRequest): void {
    if (acceptance.status === 'link-generated' && msLeft(acceptance) <= 0) acceptance = { ...acceptance, status: 'link-expired' };
    const before = this._draft.acceptance;
    if (before?.id !== acceptance.id || (before.status === acceptance.status && before.url === acceptance.url)) return;
    if (acceptance.status !== before.status) this._announcement = this._statusText(acceptance);
    this._commit({ ...this._draft, acceptance });
  }

  private _commit(next: AgreementDraft): void {
    this._draft = next;
    this.dispatchEvent(new LcStepInputEvent('agreement', { ...next }));
  }

  /** The primary contact as a complete signatory, when there is one. */
  private _contact(): Contact | undefined {
    return this.contact ? signatoryOf(emptyAgreement, this.contact) : undefined;
  }

  /** Whether the signatory's fields show: someone else signs, or no primary contact is known. */
  private _typed(): boolean {
    return this._draft.someoneElse || !this._contact();
  }

  private _messages(): FieldMessages {
    if (!this._typed()) return {};
    const codes = validateSignatory(this._draft);
    return this.visibleMessages(this.messageMap(FIELDS, codes, (field, code) => this._message(field, code)));
  }

  private _message(field: AgreementField, code: ErrorCode): string {
    const values = { label: this.t(`agreement.${field}`), max: MAX_LENGTH[field] ?? '' };
    const key = `agreement.error.${code}`;
    return key in agreementStrings ? this.t(key as Key, values) : this.t('agreement.error.invalid', values);
  }

  /** The customer's name for a sentence; `lower` where it does not start one. */
  private _customer(lower = false): string {
    const name = this.customerName?.trim();
    if (name) return name;
    return lower ? this.t('agreement.theCustomerLower') : this.t('agreement.theCustomer');
  }

  /** The agreement given, else the one loaded. */
  private _agreement(): Agreement | undefined {
    if (this.agreement) return this.agreement;
    return this._agreementTask.status === TaskStatus.COMPLETE ? this._agreementTask.value : undefined;
  }

  private _requiredFirst(): boolean {
    return Boolean(this._agreement()?.acceptanceRequiredBeforeOrder || this._draft.acceptance?.requiredBeforeOrder);
  }

  /** The acceptance request, unless it was made for another company name (corrected since): that one no longer counts. */
  private _current(): AcceptanceRequest | undefined {
    const acceptance = this._draft.acceptance;
    return acceptance && validateAcceptance(acceptance, this.customerName ?? '', false).acceptance !== 'acceptance-stale' ? acceptance : undefined;
  }

  private _signatoryName(acceptance: AcceptanceRequest | undefined): string {
    const who = acceptance?.signatory ?? signatoryOf(this._draft, this._contact());
    return who ? `${who.firstName} ${who.lastName}` : this._customer(true);
  }

  private _statusText(acceptance: AcceptanceRequest): string {
    return this.t(`agreement.status.${acceptance.status}`, { name: this._signatoryName(acceptance) });
  }

  /** A point in time as the checkout's other deadlines show it, naming the time zone. */
  private _dateTime(iso: string): string {
    return formatDateTime(iso, this.locale);
  }

  /** Creates the link (`create`), or a new one for the expired request. */
  private async _request(create: boolean): Promise<void> {
    const api = this.api;
    const signatory = signatoryOf(this._draft, this._contact());
    if (create && !signatory) {
      this.interaction.submit();
      await this.focusFirstInvalid(this._messages());
      return;
    }
    const current = this._draft.acceptance;
    if (!api || this._busy || (!create && !current)) return;
    this._busy = true;
    this._failure = undefined;
    try {
      const company = { name: (this.customerName ?? '').trim(), country: (this.country ?? '').toUpperCase(), language: pageLanguage(this.locale) };
      const acceptance = create
        ? await api.createAgreementAcceptance({ signatory: signatory!, company })
        : await api.regenerateAgreementAcceptanceLink(current!.id);
      this._commit({ ...this._draft, acceptance });
      this._announcement = this._statusText(acceptance);
    } catch (error) {
      this._failed(error);
    } finally {
      this._busy = false;
    }
  }

  /** A refused or failed request: the backend's words, and its field messages next to the fields. */
  private _failed(error: unknown): void {
    const api = isApiError(error) ? error : undefined;
    this._failure = api ? (api.detail ?? api.title) : error instanceof Error ? error.message : String(error);
    const fields: FieldMessages = {};
    for (const { field, message } of api?.fieldErrors ?? []) {
      const name = field.replace(/^signatory\./, '');
      if ((FIELDS as readonly string[]).includes(name)) fields[name] = message;
    }
    if (Object.keys(fields).length) this._serverErrors = { ...this._serverErrors, ...fields };
  }

  private async _onCopy(url: string): Promise<void> {
    const ok = await copyText(url, this.renderRoot as ShadowRoot);
    this._announcement = this.t(ok ? 'agreement.copied' : 'agreement.copyFailed');
  }

  private _onNext(): void {
    const blocker = this._blocker();
    if (!blocker) {
      this.dispatchEvent(new LcStepNextEvent('agreement', { ...this._draft }));
      return;
    }
    this._announcement = blocker;
    // No link and no complete signatory yet: show what is missing, as Create would.
    if (this._agreement() && !this._current() && !signatoryOf(this._draft, this._contact())) void this._request(true);
  }

  /** Why Continue cannot go on now, in words; undefined when it can. */
  private _blocker(): string | undefined {
    if (!this._agreement()) return this.t('agreement.unavailable');
    const code = validateAcceptance(this._draft.acceptance, this.customerName ?? '', this._requiredFirst()).acceptance;
    return code ? this.t(`agreement.error.${code}` as Key, { name: this._signatoryName(this._draft.acceptance) }) : undefined;
  }

  private _mailto(acceptance: AcceptanceRequest, url: string): string {
    const values = { company: this._customer(), name: this._signatoryName(acceptance), url, expires: this._dateTime(acceptance.expiresAt) };
    const subject = encodeURIComponent(this.t('agreement.email.subject', values));
    const body = encodeURIComponent(this.t('agreement.email.body', values));
    return `mailto:${encodeURIComponent(acceptance.signatory?.email ?? '').replace(/%40/g, '@')}?subject=${subject}&body=${body}`;
  }

  private _renderLink(agreement: Agreement): TemplateResult {
    const href = webUrl(agreement.url);
    const text = agreement.version.trim() ? this.t('agreement.link', { version: agreement.version }) : this.t('agreement.linkNoVersion');
    if (!href) return html`<p class="agreement-link">${text}</p>`;
    return html`<p class="agreement-link">
      <a href=${href} target="_blank" rel="noopener noreferrer" part="agreement-link">${text} ${this.t('agreement.opensInNewTab')}</a>
    </p>`;
  }

  private _renderSignatory(messages: FieldMessages): TemplateResult {
    const contact = this._contact();
    const field = (name: AgreementField, extra: Partial<FieldSpec>) =>
      renderField(
        {
          name,
          label: this.t(`agreement.${name}`),
          autocomplete: 'off',
          spellcheck: false,
          optionalText: this.t('agreement.optional'),
          ...extra,
        },
        this._draft[name],
        messages[name],
        this._handlers,
      );
    return html`
      <fieldset part="fieldset">
        <legend>${this.t('agreement.signatoryLegend')}</legend>
        ${contact
          ? html`<p>${this.t('agreement.contactSigns', { name: `${contact.firstName} ${contact.lastName}`, email: contact.email })}</p>
              <label class="checkbox-field" part="field">
                <input
                  type="checkbox"
                  part="checkbox someone-else-checkbox"
                  .checked=${live(this._draft.someoneElse)}
                  @change=${(e: Event) => this._commit({ ...this._draft, someoneElse: (e.target as HTMLInputElement).checked })}
                />
                <span>${this.t('agreement.someoneElse')}</span>
              </label>`
          : nothing}
        ${this._typed()
          ? html`<div class="fields">
              ${field('firstName', { required: true })} ${field('lastName', { required: true })}
              ${field('email', { type: 'email', required: true })} ${field('phone', { type: 'tel', spellcheck: true })}
            </div>`
          : nothing}
      </fieldset>
      <p>
        <button type="submit" class="primary" part="button create-button" ?disabled=${this._busy}>${this.t('agreement.create')}</button>
      </p>
    `;
  }

  private _renderAcceptance(acceptance: AcceptanceRequest): TemplateResult {
    const url = webUrl(acceptance.url);
    const expired = acceptance.status === 'link-expired';
    const done = acceptanceDone(acceptance);
    return html`
      <div class="acceptance" part="acceptance">
        <p part="acceptance-status" data-status=${acceptance.status}><strong>${this._statusText(acceptance)}</strong></p>
        ${done && acceptance.acceptedAt ? html`<p>${this.t('agreement.acceptedOn', { date: this._dateTime(acceptance.acceptedAt) })}</p>` : nothing}
        ${!done && !expired && url
          ? html`
              <p id="link-label">${this.t('agreement.linkLabel')}</p>
              <p class="url"><code part="acceptance-url" translate="no">${isolate(url)}</code></p>
              <div class="link-actions">
                <button type="button" part="button copy-button" aria-describedby="link-label" @click=${() => this._onCopy(url)}>${this.t('agreement.copy')}</button>
                <a href=${url} target="_blank" rel="noopener noreferrer" part="open-link">${this.t('agreement.open')}</a>
                <a href=${this._mailto(acceptance, url)} part="email-link">${this.t('agreement.email.send')}</a>
              </div>
              <p>${this.t('agreement.expires', { date: this._dateTime(acceptance.expiresAt), left: timeLeft(msLeft(acceptance), this.locale) })}</p>
              <p class="hint">${this.t('agreement.following')}</p>
            `
          : nothing}
        ${expired
          ? html`<p>${this.t('agreement.expired', { date: this._dateTime(acceptance.expiresAt) })}</p>
              <button type="button" class="primary" part="button regenerate-button" ?disabled=${this._busy} @click=${() => this._request(false)}>
                ${this.t('agreement.regenerate')}
              </button>`
          : nothing}
      </div>
      ${!done && !expired
        ? html`<p class="notice" part="notice">
            ${this._requiredFirst()
              ? this.t('agreement.continueRequired', { name: this._signatoryName(acceptance) })
              : this.t('agreement.continuePending')}
          </p>`
        : nothing}
    `;
  }

  private _renderBody(agreement: Agreement): TemplateResult {
    const current = this._current();
    const messages = this._messages();
    const labels: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, this.t(`agreement.${f}`)]));
    return html`
      <p class="intro" part="intro">${this.t('agreement.intro', { name: this._customer() })}</p>
      ${this._renderLink(agreement)}
      ${this.showsSummary && !current ? renderErrorSummary(messages, labels, this.t('agreement.errorSummaryTitle'), this.shadowRoot) : nothing}
      ${this._failure
        ? html`<div class="notice danger" part="failed" role="alert"><p><strong>${this.t('agreement.createFailed')}</strong> ${this._failure}</p></div>`
        : nothing}
      ${current
        ? this._renderAcceptance(current)
        : html`<form
            novalidate
            @submit=${(e: Event) => {
              e.preventDefault();
              void this._request(true);
            }}
          >
            ${this._renderSignatory(messages)}
          </form>`}
      ${this._renderActions()}
    `;
  }

  private _renderNotLoaded(): TemplateResult {
    if (this._agreementTask.failed) {
      // Nothing to continue with: Retry is the way on (Back stays, to leave the step).
      return html`
        <div class="notice danger" part="failed" role="alert">
          <p><strong>${this.t('agreement.loadFailed')}</strong></p>
          <p>${this.t('agreement.loadFailedDetail')}</p>
          <button type="button" part="button retry-button" @click=${() => this._agreementTask.run()}>${this.t('agreement.retry')}</button>
        </div>
        ${this._renderActions(false)}
      `;
    }
    const body = this.api
      ? html`<p class="loading" part="loading" role="status" aria-busy="true">${this.t('agreement.loading')}</p>`
      : nothing;
    return html`${body}${this._renderActions()}`;
  }

  /**
   * Back and Continue. Continue is `aria-disabled` while the acceptance does not allow it,
   * described by the text saying why; left out when only Retry can help.
   */
  private _renderActions(withNext = true): TemplateResult {
    const blocker = withNext ? this._blocker() : undefined;
    return html`
      <div class="actions">
        <button type="button" part="button back-button" ?hidden=${this.noBack} @click=${() => this.dispatchEvent(new LcStepBackEvent('agreement'))}>
          ${this.t('agreement.back')}
        </button>
        ${withNext
          ? html`<button
              type="button"
              class="primary"
              part="button next-button"
              aria-disabled=${blocker ? 'true' : 'false'}
              aria-describedby=${blocker ? 'next-blocker' : nothing}
              @click=${this._onNext}
            >
              ${this.t('agreement.next')}
            </button>`
          : nothing}
      </div>
      ${blocker ? html`<p id="next-blocker" class="hint" part="hint">${blocker}</p>` : nothing}
    `;
  }

  protected override render(): TemplateResult {
    const agreement = this._agreement();
    return html`
      <section aria-labelledby="heading">
        <h2 id="heading" class="step-heading" tabindex="-1" part="step-heading">${this.t('agreement.heading')}</h2>
        ${agreement ? this._renderBody(agreement) : this._renderNotLoaded()}
        <div role="status" class="visually-hidden">${this._announcement}</div>
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

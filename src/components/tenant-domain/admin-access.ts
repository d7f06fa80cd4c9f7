import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { AdminAccessTemplates } from '../../api/schemas.js';
import { LcElement } from '../../base/lc-element.js';
import { LcStepElement } from '../../base/lc-step-element.js';
import { ADMIN_ACCESS_DAYS, emptyAdminAccess, templateOf, validateAdminAccess, type AdminAccessDraft, type AdminAccessTarget } from '../../checkout/admin-access.js';
import type { Step } from '../../checkout/machine.js';
import { LcStepInputEvent } from '../../events/step-input.js';
import { controls, tokens } from '../../styles/tokens.js';
import { renderSelectField, type FieldHandlers } from '../shared/form.js';
import { formStyles } from '../shared/form.styles.js';
import { adminAccessStrings, type AdminAccessStrings } from './admin-access.strings.js';

/**
 * @summary Admin access (GDAP) for the order. For a tenant the order creates (`target`
 * `new-tenant`): the default roles it gets, with "Do not grant" only where the store allows
 * opting out. For an existing tenant (`existing-tenant`): "Request admin access (GDAP)" with
 * a role template, a duration (up to two years) and auto-extend, which is refused with a
 * template that includes Global Administrator. `<lc-checkout>` places it in the tenant step
 * (and, for an existing customer, on the review).
 *
 * @fires lc-step-input - `LcStepInputEvent<{ adminAccess: AdminAccessDraft }>` for the `step` it sits in: the user changed a choice.
 *
 * @csspart admin-access - The group.
 * @csspart roles - The list of default roles.
 * @csspart checkbox - Each checkbox; also `opt-out-checkbox`, `request-checkbox`, `auto-extend-checkbox`.
 * @csspart select - The template and duration selects; also `template-select`, `duration-select`.
 * @csspart error - A choice's error message.
 * @csspart loading - Shown until the templates are known.
 *
 * @cssproperty --lc-color-accent - Checkbox and select accents.
 * @cssproperty --lc-color-accent-text - Text on accented controls.
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
export class LcAdminAccess extends LcStepElement<AdminAccessStrings> {
  static override styles = [
    LcElement.baseStyles,
    tokens,
    controls,
    formStyles,
    css`
      :host {
        display: block;
        margin-block: calc(var(--_space) * 1.5);
      }
      ul {
        margin: 0 0 var(--_space);
        padding-inline-start: 1.25em;
      }
    `,
  ];

  protected readonly defaultStrings = adminAccessStrings;

  /**
   * Locale; falls back to context, then the nearest `lang` in the page.
   * @attr
   */
  declare lang: string;

  /** Overrides of the default texts (see `admin-access.strings.ts`), key by key. */
  declare strings?: Partial<AdminAccessStrings>;

  /** `GET /admin-access/templates`: the role templates and a new tenant's default roles. */
  @property({ attribute: false })
  templates?: AdminAccessTemplates;

  /** The choice (`AdminAccessDraft`). */
  @property({ attribute: false })
  value: AdminAccessDraft = { ...emptyAdminAccess };

  /** `new-tenant` (default roles) or `existing-tenant` (a request). */
  @property()
  target: AdminAccessTarget = 'new-tenant';

  /** The step its events are for. */
  @property()
  step: Step = 'tenant-domain';

  private readonly _handlers: FieldHandlers = {
    // Global Administrator cannot auto-extend: choosing such a template turns it off.
    onInput: (name, value) =>
      this._set(name === 'days' ? { days: Number(value) } : { templateId: value, ...(templateOf(this.templates, value)?.includesGlobalAdministrator ? { autoExtend: false } : {}) }),
    onBlur: () => {},
  };

  private _set(values: Partial<AdminAccessDraft>): void {
    this.value = { ...this.value, ...values };
    this.dispatchEvent(new LcStepInputEvent(this.step, { adminAccess: this.value }));
  }

  private _checkbox(name: 'defaultRoles' | 'request' | 'autoExtend', part: string, label: string, checked: boolean, disabled = false, describedBy?: string): TemplateResult {
    return html`<label class="checkbox-field" part="field">
      <input
        type="checkbox"
        part=${`checkbox ${part}`}
        .checked=${live(checked)}
        ?disabled=${disabled}
        aria-describedby=${describedBy ?? nothing}
        @change=${(e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          this._set({ [name]: name === 'defaultRoles' ? !on : on });
        }}
      />
      <span>${label}</span>
    </label>`;
  }

  private _renderDefault(templates: AdminAccessTemplates): TemplateResult {
    const { roles, optOutAllowed } = templates.defaultRoles;
    return html`
      <p>${this.t('access.defaultIntro')}</p>
      <ul part="roles">
        ${roles.map((role) => html`<li>${role.name}</li>`)}
      </ul>
      ${optOutAllowed
        ? this._checkbox('defaultRoles', 'opt-out-checkbox', this.t('access.optOut'), !this.value.defaultRoles)
        : html`<p class="hint">${this.t('access.noOptOut')}</p>`}
    `;
  }

  private _renderRequest(templates: AdminAccessTemplates): TemplateResult {
    const draft = this.value;
    const template = templateOf(templates, draft.templateId);
    const errors = validateAdminAccess(draft, templates, 'existing-tenant');
    const global = template?.includesGlobalAdministrator === true;
    return html`
      <p>${this.t('access.requestIntro')}</p>
      ${this._checkbox('request', 'request-checkbox', this.t('access.request'), draft.request)}
      ${draft.request
        ? html`
            <div class="fields">
              ${renderSelectField(
                {
                  name: 'templateId',
                  label: this.t('access.template'),
                  autocomplete: 'off',
                  required: true,
                  part: 'template-select',
                  placeholder: this.t('access.chooseTemplate'),
                  hint: template ? `${template.description} ${this.t('access.roles', { roles: template.roles.map((r) => r.name).join(', ') })}` : undefined,
                  options: templates.templates.map((t) => ({ value: t.id, label: t.name })),
                },
                draft.templateId,
                errors.templateId ? this.t('access.error.required') : undefined,
                this._handlers,
              )}
              ${renderSelectField(
                {
                  name: 'days',
                  label: this.t('access.duration'),
                  autocomplete: 'off',
                  part: 'duration-select',
                  options: ADMIN_ACCESS_DAYS.map((days) => ({ value: String(days), label: days === 730 ? this.t('access.twoYears') : this.t('access.days', { count: days }) })),
                },
                String(draft.days),
                undefined,
                this._handlers,
              )}
            </div>
            ${this._checkbox('autoExtend', 'auto-extend-checkbox', this.t('access.autoExtend'), draft.autoExtend && !global, global, global ? 'auto-extend-note' : undefined)}
            ${global ? html`<p id="auto-extend-note" class="hint">${this.t('access.autoExtendGlobal')}</p>` : nothing}
            ${errors.autoExtend ? html`<p class="error" part="error" role="alert">${this.t('access.error.auto-extend-global-admin')}</p>` : nothing}
          `
        : nothing}
    `;
  }

  protected override render(): TemplateResult {
    const templates = this.templates;
    return html`<fieldset part="admin-access">
      <legend>${this.t('access.heading')}</legend>
      ${!templates
        ? html`<p class="loading" part="loading" role="status">${this.t('access.loading')}</p>`
        : this.target === 'new-tenant'
          ? this._renderDefault(templates)
          : this._renderRequest(templates)}
    </fieldset>`;
  }
}

LcElement.define('lc-admin-access', LcAdminAccess);

declare global {
  interface HTMLElementTagNameMap {
    'lc-admin-access': LcAdminAccess;
  }
}

import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/**
 * Shared form plumbing for the steps. Label, input, hint and error of a field are rendered
 * into the same shadow root (ARIA references do not cross shadow roots), and every kind of
 * error — zod/validator codes, native constraints, the backend's problem+json field errors —
 * ends in one per-field message map.
 */

/** Per-field messages, already in words. */
export type FieldMessages = Partial<Record<string, string>>;

export interface FieldSpec {
  /** The field's key in the step's values; also the element id suffix. */
  name: string;
  label: string;
  /** The autocomplete token (required: every field has one, `off` where nothing fits). */
  autocomplete: string;
  type?: 'text' | 'email' | 'tel' | 'date' | 'number' | 'search';
  required?: boolean;
  hint?: string;
  maxlength?: number;
  inputmode?: 'text' | 'email' | 'tel' | 'numeric' | 'decimal' | 'search' | 'url';
  max?: string;
  /** Extra attributes for special fields (spellcheck off for names and domains). */
  spellcheck?: boolean;
  dir?: 'ltr' | 'rtl' | 'auto';
  /**
   * More part names for the control, after `input` (or `select`). An input's default is its
   * name in kebab case with `-input` (`firstName`: `first-name-input`).
   */
  part?: string;
  /** Text after the label of a field that is not required; `(optional)` when left out (overridable strings). */
  optionalText?: string;
  /** Spans the whole row of a `.fields` grid. */
  wide?: boolean;
}

/** One choice of a select field. */
export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldSpec extends Omit<FieldSpec, 'type' | 'inputmode' | 'max' | 'maxlength' | 'spellcheck'> {
  options: readonly SelectOption[];
  /** A first, empty choice ("Choose a country"), selected while the value is empty. */
  placeholder?: string;
}

/** The DOM id of a field's input, so summaries and focus can find it. */
export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export interface FieldHandlers {
  onInput: (name: string, value: string) => void;
  onBlur: (name: string) => void;
}

/** The ids of a field's control, hint and error, and its `aria-describedby`. */
function fieldIds(spec: { name: string; hint?: string }, error: string | undefined) {
  const id = fieldId(spec.name);
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

/** A labelled native input with its hint and error, wired with aria-describedby. */
export function renderField(
  spec: FieldSpec,
  value: string,
  error: string | undefined,
  handlers: FieldHandlers,
): TemplateResult {
  const { id, hintId, errorId, describedBy } = fieldIds(spec, error);
  return html`
    <div class=${spec.wide ? 'field wide' : 'field'} part="field">
      ${renderLabel(spec, id)} ${spec.hint ? html`<div id=${hintId!} class="hint" part="hint">${spec.hint}</div>` : nothing}
      <input
        id=${id}
        name=${spec.name}
        part=${`input ${spec.part ?? `${spec.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-input`}`}
        type=${spec.type ?? 'text'}
        autocomplete=${spec.autocomplete}
        .value=${live(value)}
        ?required=${spec.required}
        maxlength=${ifDefined(spec.maxlength)}
        inputmode=${ifDefined(spec.inputmode)}
        max=${ifDefined(spec.max)}
        dir=${ifDefined(spec.dir)}
        spellcheck=${spec.spellcheck === false ? 'false' : nothing}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy)}
        @input=${(e: Event) => handlers.onInput(spec.name, (e.target as HTMLInputElement).value)}
        @blur=${() => handlers.onBlur(spec.name)}
      />
      ${error ? html`<div id=${errorId!} class="error" part="error">${error}</div>` : nothing}
    </div>
  `;
}

function renderLabel(spec: Pick<FieldSpec, 'label' | 'required' | 'optionalText'>, id: string): TemplateResult {
  return html`<label for=${id} part="label">
    ${spec.label}${spec.required ? nothing : html` <span class="optional">${spec.optionalText ?? '(optional)'}</span>`}
  </label>`;
}

/**
 * A labelled native `<select>` with its hint and error, wired like `renderField`. The value
 * is reported through `handlers.onInput` on `change` (a select has no half-typed state).
 */
export function renderSelectField(
  spec: SelectFieldSpec,
  value: string,
  error: string | undefined,
  handlers: FieldHandlers,
): TemplateResult {
  const { id, hintId, errorId, describedBy } = fieldIds(spec, error);
  const known = spec.options.some((option) => option.value === value);
  return html`
    <div class=${spec.wide ? 'field wide' : 'field'} part="field">
      ${renderLabel(spec, id)} ${spec.hint ? html`<div id=${hintId!} class="hint" part="hint">${spec.hint}</div>` : nothing}
      <select
        id=${id}
        name=${spec.name}
        part=${spec.part ? `select ${spec.part}` : 'select'}
        autocomplete=${spec.autocomplete}
        ?required=${spec.required}
        dir=${ifDefined(spec.dir)}
        .value=${live(known ? value : '')}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy)}
        @change=${(e: Event) => handlers.onInput(spec.name, (e.target as HTMLSelectElement).value)}
        @blur=${() => handlers.onBlur(spec.name)}
      >
        ${spec.placeholder !== undefined || !known
          ? html`<option value="" ?selected=${!known}>${spec.placeholder ?? ''}</option>`
          : nothing}
        ${spec.options.map(
          (option) => html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`,
        )}
      </select>
      ${error ? html`<div id=${errorId!} class="error" part="error">${error}</div>` : nothing}
    </div>
  `;
}

/**
 * The list of problems at the top of a step, each a link to its field. Rendered only after
 * a blocked Next; its heading is focusable so the step can move focus there. A line is the
 * message, with the field's label before it only when the message does not name the field
 * (see `summaryText`).
 */
export function renderErrorSummary(
  messages: FieldMessages,
  labels: Record<string, string>,
  heading: string,
  root: ShadowRoot | null,
): TemplateResult | typeof nothing {
  const entries = Object.entries(messages).filter(([, message]) => message);
  if (entries.length === 0) return nothing;
  return html`
    <div class="error-summary" part="error-summary" role="alert">
      <h3 class="error-summary-title">${heading}</h3>
      <ul>
        ${entries.map(
          ([name, message]) => html`<li>
            <a
              href=${`#${fieldId(name)}`}
              @click=${(e: Event) => {
                // Fragment links do not reach into a shadow root: move focus by hand.
                e.preventDefault();
                focusField(root, name);
              }}
              >${summaryText(labels[name], message!)}</a
            >
          </li>`,
        )}
      </ul>
    </div>
  `;
}

/**
 * One line of the error summary: the message alone when it already names the field
 * ("City is required."), else the label first ("Company name: It differs from …"), so no
 * line repeats the label and none is left without context.
 */
export function summaryText(label: string | undefined, message: string): string {
  const name = label?.trim();
  if (!name || message.toLocaleLowerCase().includes(name.toLocaleLowerCase())) return message;
  return `${name}: ${message}`;
}

/**
 * A value kept apart from the text around it (`<bdi>`): money, dates, domains, ids and URLs
 * keep their own order in a right-to-left page ("US$125.00", not "US$ … 125.00").
 */
export function isolate(value: string | number): TemplateResult {
  return html`<bdi>${value}</bdi>`;
}

/**
 * Fills the `{name}` placeholders of a string template like `format()`, each value isolated
 * with `isolate()`. Values are text, never markup; unknown names are left as they are.
 */
export function formatIsolated(template: string, values: Record<string, string | number>): Array<string | TemplateResult> {
  return template
    .split(/(\{\w+\})/)
    .filter((piece) => piece !== '')
    .map((piece) => {
      const name = /^\{(\w+)\}$/.exec(piece)?.[1];
      return name !== undefined && name in values ? isolate(values[name]!) : piece;
    });
}

/** Focuses a field's input (or any control with its id) in `root`. */
export function focusField(root: ShadowRoot | null, name: string): boolean {
  const target = root?.getElementById(fieldId(name)) as HTMLElement | null;
  if (!target) return false;
  target.focus();
  return true;
}

/** Focuses the first field, in document order, that has a message. */
export function focusFirstInvalid(root: ShadowRoot | null, messages: FieldMessages): boolean {
  if (!root) return false;
  const ids = new Set(
    Object.entries(messages)
      .filter(([, m]) => m)
      .map(([name]) => fieldId(name)),
  );
  const first = [...root.querySelectorAll<HTMLElement>('[id]')].find((el) => ids.has(el.id));
  first?.focus();
  return Boolean(first);
}

/**
 * Maps the backend's field errors (dotted request paths such as `company.address.postalCode`)
 * to the step's field names, through a table of path prefixes.
 */
export function mapFieldErrors(
  errors: ReadonlyArray<{ field: string; message: string }>,
  paths: Record<string, string>,
): FieldMessages {
  const out: FieldMessages = {};
  for (const { field, message } of errors) {
    const name = paths[field];
    if (name && !out[name]) out[name] = message;
  }
  return out;
}

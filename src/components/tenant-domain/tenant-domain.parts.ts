import { html, nothing, svg, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { diffNames, type DiffSegment } from '../../checkout/name-diff.js';
import { emptyTenant, prefixError, type TenantDraft } from '../../checkout/validate.js';
import { fieldId, formatIsolated } from '../shared/form.js';
import type { TenantDomainStrings } from './tenant-domain.strings.js';

/** Render parts of `<lc-tenant-domain>` that need none of its state: icons and the name comparison. */

export const SUFFIX = '.onmicrosoft.com';

type Translate = (key: keyof TenantDomainStrings & string, values?: Record<string, string | number>) => string;

/**
 * An icon beside a status text (the text says it all; the icon is decoration). The paths are
 * `svg` templates: an `html` template would make them HTML elements, which draw nothing and
 * left an empty, indented box before the status.
 */
export const icon = (kind: 'ok' | 'no' | 'alert'): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    ${kind === 'ok'
      ? svg`<path d="M6.2 11.6 2.6 8l1.1-1.1 2.5 2.5 6.1-6.1L13.4 4.4z" />`
      : kind === 'no'
        ? svg`<path d="M4.1 3 8 6.9 11.9 3 13 4.1 9.1 8l3.9 3.9-1.1 1.1L8 9.1 4.1 13 3 11.9 6.9 8 3 4.1z" />`
        : svg`<path d="M7.2 3h1.6v6.4H7.2zM7.2 11h1.6v1.8H7.2z" />`}
  </svg>`;

/** A run of the two names lined up: in both, only in the one entered (`a`), or only in the registered one (`b`). */
interface AlignedRun {
  text: string;
  side: 'both' | 'a' | 'b';
}

/**
 * Lines the two marked names up into one sequence of runs, so that each name can leave a gap
 * where the other has characters it lacks. The unmarked characters of both names are the same
 * sequence (their common subsequence), which is what makes the walk possible.
 */
export function alignNames(a: readonly DiffSegment[], b: readonly DiffSegment[]): AlignedRun[] {
  const chars = (segments: readonly DiffSegment[]) =>
    segments.flatMap((segment) => Array.from(segment.text, (char) => ({ char, changed: segment.changed })));
  const left = chars(a);
  const right = chars(b);
  const runs: AlignedRun[] = [];
  const push = (char: string, side: AlignedRun['side']) => {
    const last = runs.at(-1);
    if (last?.side === side) last.text += char;
    else runs.push({ text: char, side });
  };
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i < left.length && (left[i]!.changed || j >= right.length)) push(left[i++]!.char, 'a');
    else if (j < right.length && (right[j]!.changed || i >= left.length)) push(right[j++]!.char, 'b');
    else {
      push(left[i]!.char, 'both');
      i++;
      j++;
    }
  }
  return runs;
}

/**
 * One name of the comparison: its own differing characters marked (with words for screen
 * readers), and a dotted gap, as wide as the characters, where only the other name has some.
 */
function renderMarked(runs: readonly AlignedRun[], side: 'a' | 'b', t: Translate): TemplateResult[] {
  return runs.map((run) => {
    if (run.side === 'both') return html`${run.text}`;
    if (run.side !== side) {
      // Decoration only: the other name's mark already says, in words, what differs here.
      return html`<span class="gap" aria-hidden="true" style=${`--_chars: ${Array.from(run.text).length}`}></span>`;
    }
    return html`<mark
      ><span class="visually-hidden">${t('tenant.diffStart')}</span>${run.text}<span class="visually-hidden"
        >${t('tenant.diffEnd')}</span
      ></mark
    >`;
  });
}

export interface ComparisonOptions {
  /** The company name entered on the details step (ends trimmed). */
  entered: string;
  /** The name registered with Microsoft. */
  registered: string;
  /** The mismatch message, shown only after Continue; `id` is the key of the adopt button. */
  error?: string;
  id: string;
  t: Translate;
  onUseRegistered: () => void;
  onEditCompany: () => void;
}

/** The name registered for the tenant found and, when it differs from the one entered, both names compared. */
export function renderRegistered(options: ComparisonOptions): TemplateResult {
  return html`
    <dl class="registered">
      <dt>${options.t('tenant.registeredName')}</dt>
      <dd>${options.registered}</dd>
    </dl>
    ${options.registered !== options.entered ? renderComparison(options) : nothing}
  `;
}

/** The entered and the registered company names side by side, their differences marked. */
function renderComparison({ entered, registered, error, id, t, onUseRegistered, onEditCompany }: ComparisonOptions): TemplateResult {
  const diff = diffNames(entered, registered);
  const runs = alignNames(diff.a, diff.b);
  return html`
    <div class="comparison" part="comparison" role="group" aria-labelledby="mismatch-title">
      <p id="mismatch-title" class="comparison-title"><strong>${t('tenant.mismatchTitle')}</strong></p>
      <p id="mismatch-body">${t('tenant.mismatchBody')}</p>
      <div class="names">
        <div class="name" data-name="entered">
          <div class="name-label">${t('tenant.youEntered')}</div>
          <div class="name-text">${entered ? renderMarked(runs, 'a', t) : html`<em>${t('tenant.nothingEntered')}</em>`}</div>
        </div>
        <div class="name" data-name="registered">
          <div class="name-label">${t('tenant.registered')}</div>
          <div class="name-text">${renderMarked(runs, 'b', t)}</div>
        </div>
      </div>
      ${error ? html`<p id=${`${fieldId(id)}-error`} class="error" part="error">${error}</p>` : nothing}
      <div class="inline-actions">
        ${registered
          ? html`<button
              type="button"
              id=${fieldId(id)}
              part="button adopt-button"
              aria-describedby="mismatch-body"
              @click=${onUseRegistered}
            >
              ${t('tenant.useRegistered', { name: registered })}
            </button>`
          : nothing}
        <button type="button" part="button edit-company-button" @click=${onEditCompany}>${t('tenant.editCompany')}</button>
      </div>
    </div>
  `;
}

/** The suggested prefixes for a taken one, each a button that fills it in. */
export function renderSuggestions(suggestions: readonly string[], t: Translate, onPick: (prefix: string) => void): TemplateResult | typeof nothing {
  // Only what could be typed here: a suggestion must itself pass the prefix rule.
  const usable = suggestions.filter((s) => typeof s === 'string' && !prefixError(s));
  if (usable.length === 0) return nothing;
  return html`
    <div class="suggestions" role="group" aria-labelledby="suggestions-label">
      <span id="suggestions-label">${t('tenant.suggestionsLabel')}</span>
      <ul role="list">
        ${usable.map(
          (prefix) => html`<li part="suggestion">
            <button type="button" part="button suggestion-button" dir="ltr" @click=${() => onPick(prefix)}>
              ${formatIsolated(t('tenant.useSuggestion'), { domain: `${prefix.toLowerCase()}${SUFFIX}` })}
            </button>
          </li>`,
        )}
      </ul>
    </div>
  `;
}

/** "My customer is already using Microsoft 365": which of the two fields the step shows. */
export function renderTenantCheckbox(checked: boolean, t: Translate, onChange: (event: Event) => void): TemplateResult {
  return html`
    <div class="checkbox-field" part="field">
      <input
        id=${fieldId('hasTenant')}
        type="checkbox"
        part="checkbox tenant-checkbox"
        .checked=${live(checked)}
        aria-describedby="has-tenant-hint"
        @change=${onChange}
      />
      <div class="checkbox-text">
        <label for=${fieldId('hasTenant')} part="label">${t('tenant.hasTenant')}</label>
        <div id="has-tenant-hint" class="hint" part="hint">${t('tenant.hasTenantHint')}</div>
      </div>
    </div>
  `;
}

/** The disallowed characters of a prefix, each quoted, as a list in the locale ("“-”, “.”"). */
export function charList(chars: readonly string[], t: Translate, locale: string | undefined): string {
  const items = chars.map((char) => (/^\s$/u.test(char) ? t('tenant.charSpace') : t('tenant.char', { char })));
  try {
    return new Intl.ListFormat(locale, { style: 'short', type: 'unit' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** A look-up's status line: its state (`data-state`), the line itself, and what goes under it. */
export interface CheckLine {
  kind: string;
  line: TemplateResult;
  more?: TemplateResult | typeof nothing;
}

/** The owner's value as a whole draft: anything missing or of the wrong type takes the empty draft's. */
export function normalizeTenantDraft(value: Partial<TenantDraft> | undefined): TenantDraft {
  const out: TenantDraft = {
    hasTenant: value?.hasTenant === true,
    domain: typeof value?.domain === 'string' ? value.domain : emptyTenant.domain,
    prefix: typeof value?.prefix === 'string' ? value.prefix : emptyTenant.prefix,
  };
  if (value?.availability && typeof value.availability === 'object') out.availability = value.availability;
  if (value?.lookup && typeof value.lookup === 'object') out.lookup = value.lookup;
  return out;
}

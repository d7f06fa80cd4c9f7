import { html, nothing, type TemplateResult } from 'lit';
import { normalizeDomain, prefixError } from '../../checkout/validate.js';
import { formatIsolated } from '../shared/form.js';
import { SUFFIX } from './tenant-domain.parts.js';

/**
 * The default domain a typed existing-tenant domain probably means, when it lacks
 * `.onmicrosoft.com`: `contoso` and `contoso.com` (a custom domain, which the look-up does
 * not know) both suggest `contoso.onmicrosoft.com`. Undefined when the value already ends in
 * it, or its first label cannot be a tenant prefix.
 */
export function onmicrosoftSuggestion(typed: string): string | undefined {
  const value = normalizeDomain(typed);
  if (!value || value.endsWith(SUFFIX)) return undefined;
  const label = value.split('.')[0] ?? '';
  return prefixError(label) ? undefined : `${label}${SUFFIX}`;
}

/** "Default domains end in .onmicrosoft.com" with a button that puts the suggestion in the field. */
export function renderSuffixHint(
  typed: string,
  text: (key: 'tenant.suffixHint' | 'tenant.useSuggestedDomain') => string,
  onUse: (domain: string) => void,
): TemplateResult | typeof nothing {
  const domain = onmicrosoftSuggestion(typed);
  if (!domain) return nothing;
  return html`<p class="suffix-hint" part="suffix-hint" id="suffix-hint">
    <span>${text('tenant.suffixHint')}</span>
    <button type="button" part="button use-domain-button" @click=${() => onUse(domain)}>
      ${formatIsolated(text('tenant.useSuggestedDomain'), { domain })}
    </button>
  </p>`;
}

import { html, nothing, type TemplateResult } from 'lit';
import type { CheckoutState, Step } from '../../checkout/machine-state.js';
import { isEditable, shownSteps } from '../../checkout/machine-steps.js';
import type { ShellText as Text } from './core-registry.js';

/**
 * The step list: the path known so far (see `shownSteps`), the current step marked, visited
 * ones buttons back to them while editable. Where more steps follow once the recipient is
 * known, a marker says so. On narrow layouts only numbers show, with the current step's name
 * below the list (for the eye: the list items keep their names for assistive technology).
 * Each item carries its number for its marker (`data-number`): a CSS counter costs Chromium a
 * second style and layout pass of the whole checkout on every render.
 */
export function stepListTemplate(state: CheckoutState, t: Text, goTo: (step: Step) => void): TemplateResult {
  const { steps, reached, more } = shownSteps(state);
  const editable = isEditable(state);
  const item = (step: Step) => {
    const current = step === state.step;
    const number = steps.indexOf(step) + 1;
    const visited = reached.includes(step);
    const name = t(`checkout.step.${step}`);
    const canGo = editable && visited && !current && step !== 'provisioning';
    return html`
      <li class="step-item ${visited ? 'visited' : ''}" part="step-item" data-number=${number} aria-current=${current ? 'step' : 'false'}>
        ${canGo
          ? html`<button type="button" class="link" part="button step-button" aria-label=${t('checkout.goTo', { name })} @click=${() => goTo(step)}>
              <span class="step-name">${name}</span>
            </button>`
          : html`<span class="step-name">${name}</span>`}
      </li>
    `;
  };
  const gap = steps.indexOf('customer-type') + 1;
  return html`
    <nav class="steps" aria-label=${t('checkout.steps')}>
      <ol class="step-list" part="step-list">
        ${steps.slice(0, gap).map(item)}
        ${more ? html`<li class="step-more" part="step-more"><span aria-hidden="true">…</span><span class="visually-hidden">${t('checkout.moreSteps')}</span></li>` : nothing}
        ${steps.slice(gap).map(item)}
      </ol>
      <p class="step-caption" part="step-caption" aria-hidden="true">${t(`checkout.step.${state.step}`)}</p>
    </nav>
  `;
}

/**
 * A step whose content is not there yet (data, or its code): its heading, then "loading", or
 * what failed with a Retry button. It carries `data-step`, so a step change focuses its heading.
 */
export function stepPlaceholderTemplate(p: {
  step: Step;
  className: string;
  heading: string;
  loading: string;
  /** Set when loading failed: what failed. */
  failed?: string;
  t: Text;
  retry: () => void;
}): TemplateResult {
  const t = p.t;
  return html`
    <section data-step=${p.step} class=${p.className} aria-labelledby="${p.step}-heading">
      <h2 id="${p.step}-heading" class="step-heading" part="step-heading" tabindex="-1">${p.heading}</h2>
      ${p.failed
        ? html`<div class="notice danger" part="failed" role="alert">
            <p><strong>${p.failed}</strong></p>
            <p>${t('checkout.loadFailedDetail')}</p>
            <button type="button" part="button retry-button" @click=${p.retry}>${t('checkout.retry')}</button>
          </div>`
        : html`<p class="loading" part="loading" aria-live="polite">${p.loading}</p>`}
    </section>
  `;
}

import { html, type TemplateResult } from 'lit';
import { isEditable, stepsFor, type CheckoutState, type Step } from '../../checkout/machine.js';
import type { CheckoutStrings } from './checkout.strings.js';

type Text = (key: keyof CheckoutStrings & string, values?: Record<string, string | number>) => string;

/** The step list: the path's steps, the current one marked, visited ones buttons back to them while editable. */
export function stepListTemplate(state: CheckoutState, t: Text, goTo: (step: Step) => void): TemplateResult {
  const steps = stepsFor(state).filter((step) => step !== 'provisioning' || state.step === 'provisioning');
  const editable = isEditable(state);
  return html`
    <nav aria-label=${t('checkout.steps')}>
      <ol class="step-list" part="step-list">
        ${steps.map((step) => {
          const current = step === state.step;
          const visited = state.visited.includes(step);
          const name = t(`checkout.step.${step}`);
          const canGo = editable && visited && !current && step !== 'provisioning';
          return html`
            <li class="step-item ${visited ? 'visited' : ''}" part="step-item" aria-current=${current ? 'step' : 'false'}>
              ${canGo
                ? html`<button type="button" class="link" part="button step-button" aria-label=${t('checkout.goTo', { name })} @click=${() => goTo(step)}>
                    <span class="step-name">${name}</span>
                  </button>`
                : html`<span class="step-name">${name}</span>`}
            </li>
          `;
        })}
      </ol>
    </nav>
  `;
}

/**
 * The agreement step before `GET /agreement` answered: the checkout loads it (the machine
 * needs it to validate and to build the order), so the step shows here until it is there.
 */
export function agreementLoadingTemplate(failed: boolean, t: Text, retry: () => void): TemplateResult {
  return stepPlaceholderTemplate({
    step: 'agreement',
    className: 'agreement-loading',
    heading: t('checkout.agreementHeading'),
    loading: t('checkout.agreementLoading'),
    failed: failed ? t('checkout.agreementFailed') : undefined,
    t,
    retry,
  });
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

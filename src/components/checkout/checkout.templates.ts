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
  return html`
    <section data-step="agreement" class="agreement-loading" aria-labelledby="agreement-heading">
      <h2 id="agreement-heading" class="step-heading" part="step-heading" tabindex="-1">${t('checkout.agreementHeading')}</h2>
      ${failed
        ? html`<div class="notice danger" part="failed" role="alert">
            <p><strong>${t('checkout.agreementFailed')}</strong></p>
            <p>${t('checkout.loadFailedDetail')}</p>
            <button type="button" part="button retry-button" @click=${retry}>${t('checkout.retry')}</button>
          </div>`
        : html`<p class="loading" part="loading" aria-live="polite">${t('checkout.agreementLoading')}</p>`}
    </section>
  `;
}

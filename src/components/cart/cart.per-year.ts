/**
 * What one licence of each of a product's term and billing choices costs per year, under a
 * cart line: the unit prices alone hide that a monthly term costs more than a yearly one, and
 * a yearly term billed monthly more than billed upfront.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { offerPricePerYear } from '../../api/contract-values.js';
import type { Billing, Product, Term } from '../../api/schemas-cart.js';
import type { CartLine } from '../../checkout/cart-store.js';
import { formatIsolated } from '../shared/form.js';
import type { CartStrings } from './cart.strings.js';

export interface PerYearView {
  t(key: keyof CartStrings & string, values?: Record<string, string | number>): string;
  money(minor: number): string;
}

/** The comparison for `product`, the line's own choice marked; nothing for a product with one offer. */
export function renderPerYear(view: PerYearView, line: CartLine, product: Product, id: string): TemplateResult | typeof nothing {
  if (product.offers.length < 2) return nothing;
  const rows = product.offers.map((offer) => ({ offer, perYear: offerPricePerYear(offer) }));
  const lowest = Math.min(...rows.map((row) => row.perYear));
  return html`
    <div class="per-year" part="per-year">
      <span id=${id} class="per-year-label">${view.t('cart.perYear.label')}</span>
      <ul role="list" aria-labelledby=${id}>
        ${rows.map(({ offer, perYear }) => {
          const chosen = offer.term === line.term && offer.billing === line.billing;
          const name = view.t('cart.perYear.offer', {
            term: view.t(`term.${offer.term}` as `term.${Term}`),
            billing: view.t(`billing.${offer.billing}` as `billing.${Billing}`),
          });
          return html`<li class=${chosen ? 'chosen' : ''} part=${chosen ? 'per-year-offer per-year-chosen' : 'per-year-offer'}>
            <span>${name}</span>
            <span>${formatIsolated('{amount}', { amount: view.money(perYear) })}${perYear === lowest ? html` ${view.t('cart.perYear.lowest')}` : nothing}${chosen
                ? html` <strong>${view.t('cart.perYear.chosen')}</strong>`
                : nothing}</span>
          </li>`;
        })}
      </ul>
    </div>
  `;
}

export const perYearStyles = css`
  .per-year {
    font-size: 0.875em;
    color: var(--_muted);
    margin-block-start: var(--_space);
  }
  .per-year ul {
    list-style: none;
    margin: calc(var(--_space) * 0.5) 0 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.25);
  }
  .per-year li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--_space);
  }
  .per-year li.chosen {
    color: var(--_text);
  }
`;

/**
 * The contract's values that runtime code needs beside the compiled checks: the schemas
 * (`schemas*.ts`) are built from these, and runtime code imports them from here, never a zod
 * schema (see check.ts), so the browser build carries no zod.
 */
import type { Offer } from './schemas-cart.js';

/** Subscription terms, ISO 8601 durations: one month, one year, three years. */
export const TERMS = ['P1M', 'P1Y', 'P3Y'] as const;

/** Billing frequencies, in the order totals are said and shown. */
export const BILLINGS = ['monthly', 'annual'] as const;

/** A new tenant's domain prefix: letters and digits, 1–27 characters (Partner Center rule). */
export const DOMAIN_PREFIX_PATTERN = /^[A-Za-z0-9]{1,27}$/;

/**
 * What one licence of an offer costs per year, in minor units: twelve monthly bills, or one
 * annual bill. Comparable across every term and billing of a product, so the cheaper
 * choice is visible (a monthly term costs about 20 % more than a yearly one).
 */
export function offerPricePerYear(offer: Pick<Offer, 'billing' | 'unitPrice'>): number {
  return offer.billing === 'monthly' ? offer.unitPrice * 12 : offer.unitPrice;
}

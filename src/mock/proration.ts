/**
 * Proration of a subscription's first invoice: the pure maths behind `POST /quotes`.
 *
 * The billing period that contains the start date begins on the 1st of the start date's
 * month and lasts one billing period: one month for monthly billing, twelve months for
 * annual billing. The first invoice charges from the start date to the period's last day,
 * both inclusive:
 *
 *     periodAmount   = unitPrice × quantity
 *     proratedAmount = round(periodAmount × chargedDays / periodDays)   (half up, integer cents)
 *
 * Dates are calendar dates (`YYYY-MM-DD`) computed in UTC, so no time zone or daylight
 * saving change can shift a day.
 */
import type { Billing } from '../api/schemas.js';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws a RangeError when it is no real date. */
export function dayNumber(date: string): number {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2027-02-29 over to March 1st; a real date survives the round trip.
  if (formatDay(ms / DAY_MS) !== date) throw new RangeError(`No such date: ${date}`);
  return ms / DAY_MS;
}

/** The `YYYY-MM-DD` date of a day number (see `dayNumber`). */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` plus `days` days (negative to go back). */
export function addDays(date: string, days: number): string {
  return formatDay(dayNumber(date) + days);
}

/** Today's date in UTC. */
export function todayUtc(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Months in one billing period. */
export function periodMonths(billing: Billing): number {
  return billing === 'annual' ? 12 : 1;
}

export interface BillingPeriod {
  /** First day of the period, always the 1st of a month. */
  start: string;
  /** Last day of the period, inclusive. */
  end: string;
  /** Days in the period, both ends included. */
  days: number;
}

/** The billing period that contains `date`. */
export function billingPeriod(date: string, billing: Billing): BillingPeriod {
  const first = dayNumber(date);
  const d = new Date(first * DAY_MS);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const start = Date.UTC(year, month, 1) / DAY_MS;
  // Day 0 of a month is the last day of the month before it.
  const end = Date.UTC(year, month + periodMonths(billing), 0) / DAY_MS;
  return { start: formatDay(start), end: formatDay(end), days: end - start + 1 };
}

/** `numerator / denominator` rounded half up, for non-negative integers, without floating-point error. */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator <= 0) {
    throw new RangeError(`Cannot divide ${numerator} by ${denominator}`);
  }
  const quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}

export interface ProrationInput {
  /** The day the subscription starts, `YYYY-MM-DD`. */
  startDate: string;
  billing: Billing;
  /** Price of one licence for one billing period, minor units. */
  unitPrice: number;
  quantity: number;
}

export interface Proration {
  periodStart: string;
  periodEnd: string;
  proratedFrom: string;
  chargedDays: number;
  periodDays: number;
  periodAmount: number;
  proratedAmount: number;
}

/** The first invoice of one order line. */
export function prorate({ startDate, billing, unitPrice, quantity }: ProrationInput): Proration {
  const period = billingPeriod(startDate, billing);
  const chargedDays = dayNumber(period.end) - dayNumber(startDate) + 1;
  const periodAmount = unitPrice * quantity;
  return {
    periodStart: period.start,
    periodEnd: period.end,
    proratedFrom: startDate,
    chargedDays,
    periodDays: period.days,
    periodAmount,
    proratedAmount: divideRoundHalfUp(periodAmount * chargedDays, period.days),
  };
}

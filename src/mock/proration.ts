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
import type { Billing, Term } from '../api/schemas.js';

export const DAY_MS = 86_400_000;
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
  return charge(billingPeriod(startDate, billing), startDate, unitPrice, quantity);
}

/** What the first invoice charges of `period`, from `startDate` to the period's end. */
function charge(period: BillingPeriod, startDate: string, unitPrice: number, quantity: number): Proration {
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

// ---------------------------------------------------------------------------------------
// Terms, end dates and proration to an end date (new commerce)
//
// A subscription's billing periods end on its end date and on the same day of the month
// (the month's last day when the end date is one) every billing period before it. The first
// invoice of a line charges from its start date to the end of the period that contains it.
// For a new subscription ending at the default calendar month end these periods are the
// calendar periods of `billingPeriod`, so `prorateTo` and `prorate` agree there.

/** Months in a term. */
export function termMonths(term: Term): number {
  return term === 'P1M' ? 1 : term === 'P1Y' ? 12 : 36;
}

function parts(date: string): { year: number; month: number; day: number } {
  const d = new Date(dayNumber(date) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate() };
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** Whether `date` is the last day of its month. */
export function isMonthEnd(date: string): boolean {
  const { year, month, day } = parts(date);
  return day === lastDayOfMonth(year, month);
}

/** `date` moved by `months` (negative to go back), on the same day, or the month's last day when it has fewer. */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parts(date);
  const target = Date.UTC(year, month + months, 1);
  const t = new Date(target);
  const last = lastDayOfMonth(t.getUTCFullYear(), t.getUTCMonth());
  return formatDay(target / DAY_MS + Math.min(day, last) - 1);
}

/** The last day of a term started on `startDate` and not aligned with anything: the day before its anniversary. */
export function naturalEndDate(startDate: string, term: Term): string {
  return addDays(addMonths(startDate, termMonths(term)), -1);
}

/** The last month end on or before the natural end of the term: the default end date of a new subscription. */
export function calendarMonthEndDate(startDate: string, term: Term): string {
  const end = naturalEndDate(startDate, term);
  if (isMonthEnd(end)) return end;
  const { year, month } = parts(end);
  return formatDay(Date.UTC(year, month, 0) / DAY_MS);
}

/** `endDate` moved back by `months`, keeping month ends on month ends. */
function stepBack(endDate: string, months: number): string {
  if (!isMonthEnd(endDate)) return addMonths(endDate, -months);
  const { year, month } = parts(endDate);
  return formatDay(Date.UTC(year, month - months + 1, 0) / DAY_MS);
}

/** The billing period that contains `date` of a subscription ending on `endDate` (not before `date`). */
export function billingPeriodEndingOn(date: string, billing: Billing, endDate: string): BillingPeriod {
  const day = dayNumber(date);
  if (day > dayNumber(endDate)) throw new RangeError(`${date} is after the end date ${endDate}`);
  const months = periodMonths(billing);
  let end = endDate;
  for (let k = 1; ; k++) {
    const previousEnd = stepBack(endDate, k * months);
    if (dayNumber(previousEnd) < day) {
      const start = dayNumber(previousEnd) + 1;
      return { start: formatDay(start), end, days: dayNumber(end) - start + 1 };
    }
    end = previousEnd;
  }
}

export interface ProrationToInput extends ProrationInput {
  /** The last day of the subscription's term. */
  endDate: string;
}

/** The first invoice of a line that ends on `endDate`: a new subscription's chosen end date, or seats added to a subscription. */
export function prorateTo({ startDate, endDate, billing, unitPrice, quantity }: ProrationToInput): Proration {
  return charge(billingPeriodEndingOn(startDate, billing, endDate), startDate, unitPrice, quantity);
}

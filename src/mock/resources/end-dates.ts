/**
 * `GET /end-dates?term=&customerId=&startDate=`: the days a new subscription of a term may
 * end on (co-terming). The calendar month end on or before the term's natural end (the day
 * before its anniversary) is always offered, first, and is what a line without an end date
 * gets; then the end date of each of the recipient's active subscriptions that falls within
 * the new term. A yearly or three-year term does not align with a monthly-term subscription.
 */
import * as z from 'zod/mini';
import { IsoDate, Term, type EndDateOption, type EndDates, type FieldError, type OrderLineInput, type Recipient } from '../../api/schemas.js';
import { json, validationProblem } from '../http.js';
import { calendarMonthEndDate, dayNumber, naturalEndDate } from '../proration.js';
import type { Route } from '../router.js';
import type { MockState } from '../state.js';
import { INTERNAL_OWNER, ownerOf, subscriptionsOf } from './subscriptions.js';

export function endDateRoutes(state: MockState): Route[] {
  return [{ path: '/end-dates', methods: { GET: ({ request }) => getEndDates(state, new URL(request.url).searchParams) } }];
}

/** The allowed end dates, earliest first (the calendar month end first among equal dates). */
export function allowedEndDates(state: MockState, owner: string | undefined, term: Term, startDate: string): EndDateOption[] {
  const first = dayNumber(startDate);
  const last = dayNumber(naturalEndDate(startDate, term));
  const options: EndDateOption[] = [{ date: calendarMonthEndDate(startDate, term), reason: 'calendar-month-end' }];
  for (const subscription of subscriptionsOf(state, owner)) {
    const end = dayNumber(subscription.endDate);
    if (subscription.status !== 'active' || end < first || end > last) continue;
    if (term !== 'P1M' && subscription.term === 'P1M') continue;
    options.push({ date: subscription.endDate, reason: 'subscription', subscriptionId: subscription.id, productName: subscription.productName });
  }
  return options.sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
}

/** A new-subscription line's end date that is not in the allowed list, named on the line. */
export function endDateErrors(state: MockState, recipient: Recipient, lines: readonly OrderLineInput[], startDate: string): FieldError[] {
  const owner = ownerOf(recipient);
  const errors: FieldError[] = [];
  lines.forEach((line, i) => {
    if (line.kind === 'add-seats' || line.endDate === undefined) return;
    const allowed = allowedEndDates(state, owner, line.term, startDate);
    if (allowed.some((option) => option.date === line.endDate)) return;
    errors.push({
      field: `lines.${i}.endDate`,
      message: `A ${line.term} subscription starting ${startDate} cannot end on ${line.endDate}. Allowed: ${allowed.map((o) => o.date).join(', ')}.`,
    });
  });
  return errors;
}

function getEndDates(state: MockState, query: URLSearchParams): Response {
  const today = state.today();
  const errors: FieldError[] = [];
  const term = z.safeParse(Term, query.get('term'));
  if (!term.success) errors.push({ field: 'term', message: 'Give the term of the new subscription: P1M, P1Y or P3Y.' });
  const startDate = query.get('startDate') ?? today;
  if (!z.safeParse(IsoDate, startDate).success) errors.push({ field: 'startDate', message: 'Enter a real date as YYYY-MM-DD.' });
  else if (dayNumber(startDate) < dayNumber(today)) errors.push({ field: 'startDate', message: `The start date cannot be in the past (today is ${today}).` });
  // No customerId: the reseller's own organization, as for internal orders.
  const customerId = query.get('customerId') || undefined;
  if (customerId !== undefined && !state.customers.some((c) => c.id === customerId)) {
    errors.push({ field: 'customerId', message: `No customer with id “${customerId}”.` });
  }
  if (errors.length || !term.success) return validationProblem(errors);
  const answer: EndDates = {
    term: term.data,
    startDate,
    endDates: allowedEndDates(state, customerId ?? INTERNAL_OWNER, term.data, startDate),
  };
  return json(answer);
}

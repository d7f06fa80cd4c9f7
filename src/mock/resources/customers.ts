/** `GET /customers?search=`: the reseller's customers, seeded and added by orders. */
import type { FieldError, Recipient } from '../../api/schemas.js';
import { json } from '../http.js';
import type { Route } from '../router.js';
import type { MockState } from '../state.js';

export function customerRoutes(state: MockState): Route[] {
  return [
    {
      path: '/customers',
      methods: { GET: ({ request }) => searchCustomers(state, new URL(request.url).searchParams.get('search') ?? '') },
    },
  ];
}

function searchCustomers(state: MockState, search: string): Response {
  const needle = search.trim().toLowerCase();
  const found = state.customers.filter(
    (c) => !needle || c.companyName.toLowerCase().includes(needle) || c.defaultDomain.toLowerCase().includes(needle),
  );
  return json({ customers: found });
}

/** A recipient naming a customer this instance does not have. */
export function customerErrors(state: MockState, recipient: Recipient): FieldError[] {
  if (recipient.kind === 'existing' && !state.customers.some((c) => c.id === recipient.customerId)) {
    return [{ field: 'recipient.customerId', message: `No customer with id “${recipient.customerId}”.` }];
  }
  return [];
}

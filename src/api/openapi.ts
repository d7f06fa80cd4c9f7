/**
 * The OpenAPI 3.1 document of the backend contract, generated from the zod schemas in
 * `schemas.ts` with zod's own JSON Schema output, so the document can never drift from
 * what the client validates. Build-time only (`npm run contract` writes
 * `dist/openapi.json`); not part of the runtime bundle.
 */
import * as z from 'zod/mini';
import * as s from './schemas.js';

const named = {
  Term: s.Term,
  Billing: s.Billing,
  Offer: s.Offer,
  Product: s.Product,
  Catalog: s.Catalog,
  Customer: s.Customer,
  CustomerList: s.CustomerList,
  DomainAvailability: s.DomainAvailability,
  TenantLookup: s.TenantLookup,
  Address: s.Address,
  AddressStatus: s.AddressStatus,
  AddressValidation: s.AddressValidation,
  CountryRules: s.CountryRules,
  CountryState: s.CountryState,
  AgreementMode: s.AgreementMode,
  Agreement: s.Agreement,
  Contact: s.Contact,
  AcceptanceStatus: s.AcceptanceStatus,
  AcceptanceCompany: s.AcceptanceCompany,
  CreateAcceptanceRequest: s.CreateAcceptanceRequest,
  AcceptanceRequest: s.AcceptanceRequest,
  AdminRole: s.AdminRole,
  RoleTemplate: s.RoleTemplate,
  AdminAccessTemplates: s.AdminAccessTemplates,
  AdminAccessRequest: s.AdminAccessRequest,
  AdminAccessChoice: s.AdminAccessChoice,
  AdminAccessStatus: s.AdminAccessStatus,
  CompanyDetails: s.CompanyDetails,
  TenantChoice: s.TenantChoice,
  Recipient: s.Recipient,
  AgreementAcceptance: s.AgreementAcceptance,
  OrderLineInput: s.OrderLineInput,
  QuoteRequest: s.QuoteRequest,
  QuoteLine: s.QuoteLine,
  Quote: s.Quote,
  OrderRequest: s.OrderRequest,
  TaskStatus: s.TaskStatus,
  TaskKind: s.TaskKind,
  ProvisioningTask: s.ProvisioningTask,
  OrderStatus: s.OrderStatus,
  AdminCredentials: s.AdminCredentials,
  Order: s.Order,
  FieldError: s.FieldError,
  Problem: s.Problem,
  // Existing customers' subscriptions and the terms of new commerce
  NewSubscriptionLine: s.NewSubscriptionLine,
  AddSeatsLine: s.AddSeatsLine,
  OrderLineTerms: s.OrderLineTerms,
  PurchaseOrder: s.PurchaseOrder,
  SubscriptionStatus: s.SubscriptionStatus,
  Subscription: s.Subscription,
  SubscriptionList: s.SubscriptionList,
  EndDateReason: s.EndDateReason,
  EndDateOption: s.EndDateOption,
  EndDates: s.EndDates,
  AppliedPromotion: s.AppliedPromotion,
  IneligiblePromotion: s.IneligiblePromotion,
} as const;

type Name = keyof typeof named;

const ref = (name: Name) => ({ $ref: `#/components/schemas/${name}` });

const json = (name: Name) => ({ 'application/json': { schema: ref(name) } });

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const ok = (name: Name, description: string) => ({ description, content: json(name) });

const errors = {
  '400': problem('The request is malformed; `errors` names the fields.'),
  '422': problem('The request is well-formed but breaks a rule; `errors` names the fields.'),
  '429': problem('Too many requests; honour `Retry-After`.'),
  '5XX': problem('The store failed; GETs may be retried with backoff.'),
};

const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});

export function buildOpenApi(version = '0.0.0'): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const components = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    // 'input': objects stay open to fields added later (the client strips unknown fields).
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Record<string, unknown>> };
  // OpenAPI addresses components by key and declares the dialect once.
  for (const schema of Object.values(components.schemas)) {
    delete schema.$id;
    delete schema.$schema;
  }

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'license-checkout store backend',
      version,
      description:
        'The HTTP contract between the <lc-checkout> widget and the distributor store. JSON over HTTP under a ' +
        'configurable base URL. Money is an integer amount in the minor unit of the currency. Errors are RFC 9457 ' +
        'problem details with a machine-readable `code` and field `errors`.',
    },
    paths: {
      '/catalog': {
        get: {
          operationId: 'getCatalog',
          summary: 'Products with their term and billing offers, prices and quantity bounds',
          responses: { '200': ok('Catalog', 'The catalog'), ...errors },
        },
      },
      '/customers': {
        get: {
          operationId: 'searchCustomers',
          summary: "The reseller's existing customers",
          parameters: [
            {
              name: 'search',
              in: 'query',
              required: false,
              description: 'Part of a company name or domain; empty lists all.',
              schema: { type: 'string' },
            },
          ],
          responses: { '200': ok('CustomerList', 'Matching customers'), ...errors },
        },
      },
      '/domains/{prefix}': {
        get: {
          operationId: 'checkDomain',
          summary: 'Availability of {prefix}.onmicrosoft.com for a new tenant',
          parameters: [pathParam('prefix', 'Letters and digits, 1–27 characters.')],
          responses: { '200': ok('DomainAvailability', 'Availability, with suggestions when taken'), ...errors },
        },
      },
      '/tenants/{domain}': {
        get: {
          operationId: 'lookupTenant',
          summary: 'Whether an existing tenant has this default domain, and its registered company name',
          parameters: [pathParam('domain', 'A default domain such as contoso.onmicrosoft.com.')],
          responses: { '200': ok('TenantLookup', 'The lookup result'), ...errors },
        },
      },
      '/addresses/validate': {
        post: {
          operationId: 'validateAddress',
          summary: 'Checks an address and suggests corrections',
          requestBody: { required: true, content: json('Address') },
          responses: { '200': ok('AddressValidation', 'The status and any suggestions'), ...errors },
        },
      },
      '/country-rules/{country}': {
        get: {
          operationId: 'getCountryRules',
          summary: "A country's address rules (state required, its states, postal code and phone patterns), as Partner Center publishes them",
          parameters: [pathParam('country', 'ISO 3166-1 alpha-2, upper case, e.g. US.')],
          responses: { '200': ok('CountryRules', 'The rules'), ...errors },
        },
      },
      '/agreement': {
        get: {
          operationId: 'getAgreement',
          summary: 'The current Microsoft Customer Agreement and how it is accepted',
          responses: { '200': ok('Agreement', 'The agreement'), ...errors },
        },
      },
      '/agreement-acceptances': {
        post: {
          operationId: 'createAgreementAcceptance',
          summary: 'Creates a Microsoft Customer Agreement acceptance request: the link to send the signatory',
          description:
            'No tenant is needed: the link can be sent before the order. The signatory reads and accepts the ' +
            "agreement on Microsoft's page without signing in; the order then references the request by id " +
            '(`agreementAcceptanceId`) and the agreement is recorded during provisioning.',
          requestBody: { required: true, content: json('CreateAcceptanceRequest') },
          responses: { '201': ok('AcceptanceRequest', 'The request, with its link and expiry'), ...errors },
        },
      },
      '/agreement-acceptances/{id}': {
        get: {
          operationId: 'getAgreementAcceptance',
          summary: "An acceptance request's status (poll it, or follow its events)",
          parameters: [pathParam('id', 'The acceptance request id.')],
          responses: {
            '200': ok('AcceptanceRequest', 'The request as it is now'),
            '404': problem('No such acceptance request.'),
            ...errors,
          },
        },
      },
      '/agreement-acceptances/{id}/link': {
        post: {
          operationId: 'regenerateAgreementAcceptanceLink',
          summary: 'Generates a new link for a request whose link expired; the old link stops working',
          parameters: [pathParam('id', 'The acceptance request id.')],
          responses: {
            '200': ok('AcceptanceRequest', 'The request with its new link and expiry'),
            '404': problem('No such acceptance request.'),
            '409': problem('The customer already accepted: there is no link to renew (code `already-accepted`).'),
            ...errors,
          },
        },
      },
      '/agreement-acceptances/{id}/events': {
        get: {
          operationId: 'watchAgreementAcceptance',
          summary: "Optional: the request's snapshots as server-sent events",
          description:
            'Each change is sent as `event: snapshot` with the AcceptanceRequest as JSON in `data`; the stream ends ' +
            'once the status is `customer-accepted` or `agreement-created`. Backends without it answer 404; the ' +
            'client then polls GET /agreement-acceptances/{id}.',
          parameters: [pathParam('id', 'The acceptance request id.')],
          responses: {
            '200': {
              description: 'A text/event-stream of AcceptanceRequest snapshots',
              content: { 'text/event-stream': { schema: { type: 'string' }, itemSchema: ref('AcceptanceRequest') } },
            },
            '404': problem('No such acceptance request, or no events endpoint.'),
          },
        },
      },
      '/admin-access/templates': {
        get: {
          operationId: 'getAdminAccessTemplates',
          summary: 'GDAP role templates the reseller may request, and the default roles of a new tenant',
          responses: { '200': ok('AdminAccessTemplates', 'The templates and the default roles'), ...errors },
        },
      },
      '/quotes': {
        post: {
          operationId: 'createQuote',
          summary: 'Prorated pricing of the lines for the recipient',
          description:
            'Per line: the first invoice prorated to the end of the billing period that contains the start date (periods ' +
            "end on the line's end date: the chosen one, the calendar month end, or the subscription's for added seats), " +
            'the end date, renewal, cancellation deadline (168 hours after purchase), and the promotion applied or why ' +
            'an offered one is not. A seat cap broken by the order is a 422 naming each line of that product ' +
            '(`lines.{i}.quantity`).',
          requestBody: { required: true, content: json('QuoteRequest') },
          responses: { '201': ok('Quote', 'The quote'), ...errors },
        },
      },
      '/orders': {
        post: {
          operationId: 'placeOrder',
          summary: 'Places the order; the same Idempotency-Key returns the same order',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              description:
                'Unique per order attempt. A repeat with the same key and body returns the same order; the same key ' +
                'with another body is a 422 with code `idempotency-key-reused`.',
              schema: { type: 'string' },
            },
          ],
          requestBody: { required: true, content: json('OrderRequest') },
          responses: {
            '201': ok('Order', 'The new order'),
            '200': ok('Order', 'The order placed earlier with the same key'),
            ...errors,
          },
        },
      },
      '/orders/{id}': {
        get: {
          operationId: 'getOrder',
          summary: "The order's state and its provisioning tasks",
          parameters: [pathParam('id', 'The order id.')],
          responses: {
            '200': ok('Order', 'The current snapshot'),
            '404': problem('No such order.'),
            ...errors,
          },
        },
      },
      '/customers/{id}/subscriptions': {
        get: {
          operationId: 'getCustomerSubscriptions',
          summary: "An existing customer's subscriptions, to add seats to or align a new one with",
          parameters: [pathParam('id', 'The customer id, as GET /customers gives it.')],
          responses: {
            '200': ok('SubscriptionList', 'Every subscription of the customer, expired ones included'),
            '404': problem('No such customer.'),
            ...errors,
          },
        },
      },
      '/subscriptions': {
        get: {
          operationId: 'getOwnSubscriptions',
          summary: "The reseller's own organization's subscriptions, for internal orders",
          responses: { '200': ok('SubscriptionList', 'Every subscription of the reseller'), ...errors },
        },
      },
      '/end-dates': {
        get: {
          operationId: 'getEndDates',
          summary: 'The dates a new subscription of a term may end on (co-terming), each with why',
          description:
            'The calendar month end on or before the end of a whole term (the default when a line gives no endDate), then ' +
            "the end date of each of the recipient's active subscriptions that falls within the new term (a P1Y or P3Y " +
            'term does not align with a P1M subscription). Earliest first. A new customer has no subscriptions: only ' +
            'the calendar month end applies.',
          parameters: [
            { name: 'term', in: 'query', required: true, description: 'The new subscription\'s term.', schema: ref('Term') },
            {
              name: 'customerId',
              in: 'query',
              required: false,
              description: "An existing customer; left out, the reseller's own organization (internal orders).",
              schema: { type: 'string' },
            },
            {
              name: 'startDate',
              in: 'query',
              required: false,
              description: 'YYYY-MM-DD, the day the subscription starts; today when left out.',
              schema: { type: 'string', format: 'date' },
            },
          ],
          responses: { '200': ok('EndDates', 'The allowed end dates'), ...errors },
        },
      },
      '/orders/{id}/events': {
        get: {
          operationId: 'watchOrder',
          summary: 'Optional: the same snapshots as server-sent events',
          description:
            'Each change is sent as `event: snapshot` with the Order as JSON in `data`. The stream ends after a ' +
            'terminal state. Backends without it answer 404; the client then polls GET /orders/{id} with backoff.',
          parameters: [pathParam('id', 'The order id.')],
          responses: {
            '200': {
              description: 'A text/event-stream of Order snapshots',
              content: { 'text/event-stream': { schema: { type: 'string' }, itemSchema: ref('Order') } },
            },
            '404': problem('No such order, or no events endpoint.'),
          },
        },
      },
    },
    components: { schemas: components.schemas },
  };
}

/**
 * Plain-`fetch` calls to a test mock over HTTP, and the checks the mock tests share: an
 * answer matches the contract's schema, a problem names its fields.
 */
import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { Order, Problem } from '../../src/api/schemas.js';
import type { TestMock } from './mock.js';

export type Answer = { status: number; headers: Headers; body: unknown };

export async function call(mock: Pick<TestMock, 'baseUrl'>, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Answer> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(mock.baseUrl + path, {
    ...rest,
    headers,
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, headers: response.headers, body: type.includes('json') && text ? JSON.parse(text) : text };
}

/** Parses with the contract's schema, failing the test with the zod issues when it does not match. */
export function parse<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) expect.fail(`does not match the schema: ${JSON.stringify(result.error.issues)}\n${JSON.stringify(value)}`);
  return result.data as z.infer<S>;
}

/** A problem+json answer with this status; returns it parsed. */
export function expectProblem(answer: Answer, status: number): Problem {
  expect(answer.status, JSON.stringify(answer.body)).to.equal(status);
  expect(answer.headers.get('content-type')).to.contain('application/problem+json');
  const problem = parse(Problem, answer.body);
  expect(problem.status).to.equal(status);
  expect(problem.code).to.be.a('string');
  return problem;
}

export function fieldsOf(problem: Problem): string[] {
  return (problem.errors ?? []).map((e) => e.field);
}

export function messageFor(problem: Problem, field: string): string {
  const error = problem.errors?.find((e) => e.field === field);
  expect(error, `an error for ${field} in ${JSON.stringify(problem.errors)}`).to.exist;
  return error!.message;
}

let keys = 0;
export function placeOrder(mock: TestMock, order: unknown, key = `key-${Date.now()}-${keys++}`): Promise<Answer> {
  return call(mock, '/orders', { method: 'POST', json: order, headers: { 'idempotency-key': key } });
}

/** Polls GET /orders/{id} until `done` holds (or fails the test after three seconds). */
export async function pollOrder(mock: TestMock, id: string, done: (order: Order) => boolean): Promise<Order> {
  const until = Date.now() + 3000;
  for (;;) {
    const answer = await call(mock, `/orders/${id}`);
    expect(answer.status).to.equal(200);
    const order = parse(Order, answer.body);
    if (done(order)) return order;
    if (Date.now() > until) expect.fail(`order never reached the expected state: ${JSON.stringify(order)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}


/** Presses Accept on the mock's acceptance page, as the signatory would (the page's form post). */
export async function acceptOnMockPage(url: string): Promise<void> {
  const body = new URLSearchParams({ decision: 'accept' });
  // Another origin's page (the reference server's simulator) answers without CORS: the post is
  // sent as a form would send it, unread; the caller sees the outcome in the status.
  if (new URL(url).origin !== location.origin) {
    await fetch(url, { method: 'POST', mode: 'no-cors', body });
    return;
  }
  const response = await fetch(url, { method: 'POST', body });
  if (!response.ok) throw new Error(`the mock's Accept answered ${response.status}`);
}

/**
 * An acceptance request for `companyName`, accepted on the mock's page: its id, for an
 * order's `agreementAcceptanceId` (an order for a new customer needs one).
 */
export async function acceptedAgreementId(mock: Pick<TestMock, 'baseUrl'>, companyName: string): Promise<string> {
  const signatory = { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@example.com' };
  const answer = await call(mock, '/agreement-acceptances', {
    method: 'POST',
    json: { signatory, company: { name: companyName, country: 'US', language: 'en' } },
  });
  if (answer.status !== 201) throw new Error(`creating an acceptance request answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  const { id, url } = answer.body as { id: string; url: string };
  await acceptOnMockPage(url);
  return id;
}

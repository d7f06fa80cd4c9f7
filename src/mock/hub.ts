/**
 * Many isolated mock backends behind one Node server:
 *
 * - `/api/...`: the default instance (speed from `MOCK_SPEED`, default 1; latency from
 *   `MOCK_LATENCY_MS`, default 150 ms so loading states show in the demo);
 * - `POST /__mock/instances` with MockOptions → 201 `{ id, baseUrl: '/mock/<id>' }`: a fresh
 *   instance at `/mock/<id>/...` (each test gets its own, so parallel pages never share state);
 * - `GET /__mock/instances/<id>/requests` → that instance's recorded requests;
 * - `POST /__mock/instances/<id>/faults` with a Fault → 204;
 * - `POST /__mock/instances/<id>/reset` → 204. The id `default` names the `/api` instance.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import { AgreementMode, IsoDate } from '../api/schemas.js';
import { createMockBackend, type Fault, type MockBackend, type MockOptions } from './index.js';
import { issuesToFieldErrors, json, problem, randomHex, validationProblem } from './http.js';
import { handleNode, type NodeHandlerOptions } from './node.js';

export interface MockHub {
  /** Whether the hub serves this URL path (without query). */
  matches(path: string): boolean;
  handleNode(req: IncomingMessage, res: ServerResponse, options?: NodeHandlerOptions): Promise<void>;
}

const MockOptionsSchema = z.object({
  speed: z.optional(z.number().check(z.positive())),
  agreementMode: z.optional(AgreementMode),
  today: z.optional(IsoDate),
  sse: z.optional(z.boolean()),
  latencyMs: z.optional(z.number().check(z.nonnegative(), z.lte(60_000))),
  acceptanceLinkSeconds: z.optional(z.number().check(z.positive())),
  acceptanceBeforeOrder: z.optional(z.boolean()),
  defaultRolesOptOut: z.optional(z.boolean()),
  attestRetired: z.optional(z.boolean()),
});

const FaultSchema = z.object({
  method: z.optional(z.string()),
  path: z.string().check(z.regex(/^\//)),
  times: z.optional(z.int().check(z.positive())),
  status: z.optional(z.int().check(z.gte(200), z.lte(599))),
  headers: z.optional(z.record(z.string(), z.string())),
  body: z.optional(z.unknown()),
  delayMs: z.optional(z.number().check(z.nonnegative(), z.lte(120_000))),
  networkError: z.optional(z.boolean()),
});

/** Old test instances are dropped past this many, so a long watch session stays small. */
const MAX_INSTANCES = 500;

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function createMockHub(defaults: MockOptions = {}): MockHub {
  const speed = envNumber('MOCK_SPEED', 0) || 1;
  const defaultInstance = createMockBackend({ speed, latencyMs: envNumber('MOCK_LATENCY_MS', 150), ...defaults, basePath: '/api' });
  const instances = new Map<string, MockBackend>();

  function instance(id: string): MockBackend | undefined {
    return id === 'default' ? defaultInstance : instances.get(id);
  }

  async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false }> {
    const text = await request.text();
    if (!text.trim()) return { ok: true, value: {} };
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      return { ok: false };
    }
  }

  /** The control API under /__mock. */
  async function control(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    const method = request.method.toUpperCase();
    const parts = path.split('/').slice(2); // ['instances', id?, action?]
    if (parts[0] !== 'instances') return problem({ status: 404, title: 'Not found', code: 'not-found' });

    if (parts.length === 1) {
      if (method !== 'POST') return problem({ status: 405, title: 'Method not allowed', code: 'method-not-allowed', headers: { allow: 'POST' } });
      const body = await readJson(request);
      if (!body.ok) return problem({ status: 400, title: 'The body is not valid JSON', code: 'invalid-json' });
      const parsed = z.safeParse(MockOptionsSchema, body.value);
      if (!parsed.success) return validationProblem(issuesToFieldErrors(parsed.error.issues, body.value));
      const id = randomHex(8);
      const baseUrl = `/mock/${id}`;
      instances.set(id, createMockBackend({ ...parsed.data, basePath: baseUrl }));
      if (instances.size > MAX_INSTANCES) instances.delete(instances.keys().next().value!);
      return json({ id, baseUrl }, 201);
    }

    const target = instance(parts[1]!);
    if (!target) return problem({ status: 404, title: 'No such mock instance', code: 'instance-not-found' });
    const action = parts[2];
    if (parts.length !== 3) return problem({ status: 404, title: 'Not found', code: 'not-found' });
    if (action === 'requests' && method === 'GET') return json(target.requests);
    if (action === 'reset' && method === 'POST') {
      target.reset();
      return new Response(null, { status: 204 });
    }
    if (action === 'faults' && method === 'POST') {
      const body = await readJson(request);
      if (!body.ok) return problem({ status: 400, title: 'The body is not valid JSON', code: 'invalid-json' });
      const parsed = z.safeParse(FaultSchema, body.value);
      if (!parsed.success) return validationProblem(issuesToFieldErrors(parsed.error.issues, body.value));
      target.inject(parsed.data as Fault);
      return new Response(null, { status: 204 });
    }
    if (action === 'requests' || action === 'reset' || action === 'faults') {
      return problem({ status: 405, title: 'Method not allowed', code: 'method-not-allowed' });
    }
    return problem({ status: 404, title: 'Not found', code: 'not-found' });
  }

  return {
    matches(path) {
      return path === '/api' || path.startsWith('/api/') || path.startsWith('/mock/') || path.startsWith('/__mock/');
    },
    async handleNode(req, res, options) {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path.startsWith('/__mock/')) {
        return handleNode(control, req, res, options);
      }
      if (path.startsWith('/mock/')) {
        const id = path.split('/')[2] ?? '';
        const target = instances.get(id);
        if (!target) {
          return handleNode(
            async () => problem({ status: 404, title: 'No such mock instance', code: 'instance-not-found', detail: `No mock instance “${id}”.` }),
            req,
            res,
            options,
          );
        }
        return handleNode(target.handle, req, res, options);
      }
      return handleNode(defaultInstance.handle, req, res, options);
    },
  };
}

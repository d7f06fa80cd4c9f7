/**
 * The mock's small router: each resource lists its routes as contract paths
 * (`/orders/{id}/events`) with a handler per method. An unknown path is a 404, a known path
 * with another method a 405 naming the allowed ones, and a path parameter that is not valid
 * percent-encoded UTF-8 a 422 naming the parameter.
 */
import { notFound, problem, validationProblem, type INVALID_JSON } from './http.js';

export interface RouteContext {
  request: Request;
  /** The path parameters, percent-decoded, by the names in the route's path. */
  params: Record<string, string>;
  /** The parsed JSON body; `INVALID_JSON` when a body was sent that is no JSON; undefined when none. */
  body: unknown | typeof INVALID_JSON;
  /** The body as sent, '' when none (form posts of the mock's pages read it). */
  text: string;
}

export type Handler = (context: RouteContext) => Response | Promise<Response>;

export interface Route {
  /** A contract path: literal segments and `{name}` parameters, e.g. `/domains/{prefix}`. */
  path: string;
  methods: Partial<Record<string, Handler>>;
}

interface CompiledRoute extends Route {
  segments: Array<{ literal: string } | { param: string }>;
}

export type Router = (request: Request, path: string, body: RouteContext['body'], text: string) => Response | Promise<Response>;

export function createRouter(routes: readonly Route[]): Router {
  const compiled: CompiledRoute[] = routes.map((route) => ({
    ...route,
    segments: route.path
      .split('/')
      .slice(1)
      .map((s) => (/^\{\w+\}$/.test(s) ? { param: s.slice(1, -1) } : { literal: s })),
  }));

  return (request, path, body, text) => {
    const raw = path.split('/').slice(1);
    for (const route of compiled) {
      if (route.segments.length !== raw.length) continue;
      const params: Record<string, string> = {};
      const undecodable: string[] = [];
      const matches = route.segments.every((segment, i) => {
        const decoded = decode(raw[i]!);
        if ('literal' in segment) return decoded === segment.literal;
        if (decoded === undefined) undecodable.push(segment.param);
        else params[segment.param] = decoded;
        return true;
      });
      if (!matches) continue;
      if (undecodable.length) {
        return validationProblem(undecodable.map((field) => ({ field, message: 'The path is not valid percent-encoded UTF-8.' })));
      }
      const run = route.methods[request.method.toUpperCase()];
      if (run) return run({ request, params, body, text });
      const allow = Object.keys(route.methods).join(', ');
      return problem({
        status: 405,
        title: 'Method not allowed',
        code: 'method-not-allowed',
        detail: `${request.method} is not allowed here; use ${allow}.`,
        headers: { allow },
      });
    }
    return notFound();
  };
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

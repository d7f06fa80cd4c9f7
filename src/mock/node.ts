/**
 * Serves a Fetch-API handler from Node's `http` server (or any Connect/Koa middleware that
 * hands out the raw `req`/`res`): Node request → `Request`, `Response` → Node response,
 * streamed so that server-sent events reach the client one by one.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface NodeHandlerOptions {
  /** Answer cross-origin requests from any page (local integrators' test pages). */
  cors?: boolean;
}

const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Retry-After, Location',
};
const CORS_ALLOW_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key'];

export async function handleNode(
  handle: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
  options: NodeHandlerOptions = {},
): Promise<void> {
  if (options.cors && req.method === 'OPTIONS') {
    // Preflight: allow the contract's headers and whatever else the page asks for (its own X-… headers).
    const asked = String(req.headers['access-control-request-headers'] ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    res.writeHead(204, {
      ...CORS_HEADERS,
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': [...new Set([...CORS_ALLOW_HEADERS, ...asked])].join(', '),
      'access-control-max-age': '600',
    });
    res.end();
    return;
  }

  // Abort the handler's work (SSE timers, delays) when the client goes away.
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort(new DOMException('The client disconnected', 'AbortError'));
  });

  let response: Response;
  try {
    const request = await toRequest(req, controller.signal);
    response = await handle(request);
  } catch (error) {
    if (controller.signal.aborted) return;
    response = new Response(
      JSON.stringify({ type: 'about:blank', title: 'Mock backend error', status: 500, code: 'internal-error', detail: String(error) }),
      { status: 500, headers: { 'content-type': 'application/problem+json' } },
    );
  }

  if (response.type === 'error') {
    // A simulated network failure. A bare close is not enough: browsers silently resend a
    // request whose reused keep-alive connection closes before any byte arrives. Bytes that
    // are no HTTP response make the request fail for good.
    req.socket.end('NETWORK-FAULT\r\n\r\n');
    return;
  }

  const headers: Record<string, string> = Object.fromEntries(response.headers);
  if (options.cors) Object.assign(headers, CORS_HEADERS);
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  // Headers go out now, before the first event, so an SSE client sees the stream open.
  res.flushHeaders();
  const reader = response.body.getReader();
  const onClose = () => void reader.cancel().catch(() => {});
  res.on('close', onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
      if (res.destroyed) break;
    }
    res.end();
  } catch {
    res.destroy();
  } finally {
    res.off('close', onClose);
  }
}

async function toRequest(req: IncomingMessage, signal: AbortSignal): Promise<Request> {
  const host = req.headers.host ?? 'localhost';
  const url = new URL(req.url ?? '/', `http://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  let body: ArrayBuffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const buffer = Buffer.concat(chunks);
    body = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
  }
  return new Request(url, { method, headers, body, signal });
}

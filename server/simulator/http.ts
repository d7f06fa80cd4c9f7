/** The simulator's answers: Partner Center's error shape, HTML pages, and the Node response. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { catalog } from '../../src/mock/data.js';

export type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** Partner Center's error body: `{ code, description, data, source }`. */
export function pcError(status: number, code: string, description: string, headers: Record<string, string> = {}): Answer {
  return { status, body: { code, description, data: [], source: 'PartnerFD' }, headers };
}

export function send(res: ServerResponse, answer: { status: number; body?: unknown; headers?: Record<string, string> }, head = false) {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...answer.headers };
  const text = typeof answer.body === 'string' && headers['content-type']?.startsWith('text/html');
  const payload = answer.body === undefined || head ? undefined : text ? (answer.body as string) : JSON.stringify(answer.body);
  if (payload !== undefined && !text) headers['content-type'] = 'application/json; charset=utf-8';
  res.writeHead(answer.status, headers);
  res.end(payload);
}

export function catalogName(offerId: string): string {
  return catalog.products.find((p) => p.id === offerId)?.name ?? offerId;
}

export function html(status: number, title: string, body: string) {
  return {
    status,
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${body}</body></html>`,
    // Everything typed by a user is escaped, and the page runs no script at all.
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; form-action 'self'" },
  };
}

export function escape(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function header(headers: IncomingMessage['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The same id for the same seed, so seeded tenants keep their ids across restarts. */
export function stableId(seed: string): string {
  let h = 0x811c9dc5;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const char of `${round}:${seed}`) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193) >>> 0;
    hex.push(h.toString(16).padStart(8, '0'));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

export function temporaryPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `Sim${[...bytes].map((b) => b.toString(36)).join('').slice(0, 8)}!${bytes[0]! % 10}`;
}


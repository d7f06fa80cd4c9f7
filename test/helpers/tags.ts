/**
 * What the tag tests share: the stored cart of a backend as `<lc-checkout>` keeps it,
 * console warnings caught, and a tag's shadow root read as a user perceives it.
 */
import { storageKey, type CartLine } from '../../src/checkout/cart-store.js';

export const E3 = 'cfq7ttc0lfld-0001'; // Microsoft 365 E3: P1Y monthly $36.00, P1Y annual $432.00, P1M $43.20, P3Y; 1–10,000
export const BASIC = 'cfq7ttc0lh18-0001'; // Microsoft 365 Business Basic: P1Y monthly $6.00; 1–300

/** The lines stored for `base` (the format `<lc-checkout>` reads), or undefined when nothing is stored. */
export function storedLines(base: string): CartLine[] | undefined {
  const raw = localStorage.getItem(storageKey(new URL(base, document.baseURI).href));
  return raw === null ? undefined : (JSON.parse(raw) as { lines: CartLine[] }).lines;
}

/** Collects `console.warn` messages until `restore()`. */
export function catchWarnings(): { messages: string[]; restore(): void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => void messages.push(args.map(String).join(' '));
  return { messages, restore: () => void (console.warn = original) };
}

export function shadowText(el: Element, selector: string): string {
  return (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The accessible name of a button or link with text content only (what the tags render). */
export function textName(el: Element | null | undefined): string {
  const parts: string[] = [];
  // No instanceof: the element may come from another window (a frame standing for another tab).
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node.nodeType !== Node.ELEMENT_NODE || (node as Element).getAttribute('aria-hidden') === 'true') return;
    const assigned = (node as Element).localName === 'slot' ? (node as HTMLSlotElement).assignedNodes() : [];
    (assigned.length ? assigned : [...node.childNodes]).forEach(walk);
  };
  if (el) walk(el);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

import { expect } from '@open-wc/testing';

/**
 * What the element shows, in document order: its texts and `aria-label`s, spaces collapsed.
 * Compared before and after a change of `strings` to see which texts it changed.
 */
export function shownTexts(el: HTMLElement): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Element) {
      const label = node.getAttribute('aria-label');
      if (label) out.push(`aria-label: ${label}`);
    } else {
      const value = node.textContent!.replace(/\s+/g, ' ').trim();
      if (value) out.push(value);
    }
  }
  return out;
}

/** The `[before, after]` pairs of texts that differ between two snapshots of the same layout. */
export function changedTexts(before: string[], after: string[]): Array<[string, string]> {
  expect(after, 'the change of strings changed more than texts').to.have.length(before.length);
  return before.flatMap((value, i): Array<[string, string]> => (value === after[i] ? [] : [[value, after[i]!]]));
}

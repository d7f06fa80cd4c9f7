/** Helpers for reading what an element shows and for leaving fields as a user does. */
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

/**
 * Leaves a focused field, as a user moving on does. A test page in a background tab (the
 * runner runs two at once) gets no focus or blur events, so `blur()` only moves focus
 * there; the events the step listens to are then dispatched by hand.
 */
export function leaveField(field: HTMLElement): void {
  const scope = field.getRootNode() as Document | ShadowRoot;
  if (scope.activeElement !== field) throw new Error(`leaveField: <${field.localName} id="${field.id}"> is not focused`);
  let fired = false;
  const onBlur = () => (fired = true);
  field.addEventListener('blur', onBlur);
  field.blur();
  field.removeEventListener('blur', onBlur);
  if (fired) return;
  field.dispatchEvent(new FocusEvent('blur'));
  field.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
}

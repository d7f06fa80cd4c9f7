/** Play-function helpers for elements whose content lives in shadow roots. */
import { configure, userEvent, waitFor, within } from 'storybook/test';

// Testing Library prints the container on a failed query, and its printer rejects a
// ShadowRoot (the failure would then read "Expected an element or document"): print it here.
configure({
  getElementError(message, container) {
    const html = container instanceof ShadowRoot ? container.innerHTML : (container as Element | undefined)?.outerHTML;
    const error = new Error(`${message ?? ''}\n\n${(html ?? '').replace(/<!--[^>]*-->/g, '').slice(0, 4000)}`);
    error.name = 'TestingLibraryElementError';
    return error;
  },
});

/**
 * Replaces the text of an input as a user would (select all, type). `userEvent.clear` checks
 * focus with `document.activeElement`, which is the host for an input in a shadow root.
 */
export async function retype(input: HTMLElement, text: string): Promise<void> {
  await userEvent.tripleClick(input);
  if (text) await userEvent.keyboard(text);
  else await userEvent.keyboard('{Backspace}');
}

/** Testing Library queries scoped to an element's shadow root. */
export function inShadow(el: Element) {
  const root = el.shadowRoot;
  if (!root) throw new Error(`<${el.localName}> has no shadow root`);
  // Testing Library only reads querySelectorAll and friends, which a ShadowRoot has.
  return within(root as unknown as HTMLElement);
}

/** The story's element, once it is defined and has rendered. */
export async function storyElement<K extends keyof HTMLElementTagNameMap>(
  canvasElement: HTMLElement,
  tag: K,
): Promise<HTMLElementTagNameMap[K]> {
  const el = await waitFor(() => {
    const found = canvasElement.querySelector(tag);
    if (!found?.shadowRoot) throw new Error(`<${tag}> not rendered yet`);
    return found;
  });
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return el;
}

/** Finds `tag` anywhere below `root`, looking through open shadow roots. */
export function deepQuery<K extends keyof HTMLElementTagNameMap>(root: Element | ShadowRoot, tag: K): HTMLElementTagNameMap[K] | null {
  const direct = root.querySelector(tag);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const inner = deepQuery(el.shadowRoot, tag);
      if (inner) return inner;
    }
  }
  return null;
}

/**
 * A text matcher for testing-library that reads an element's whole text, so text split by
 * inline elements (the `<bdi>` around amounts and domains) still matches: the innermost
 * element whose full text matches wins.
 */
export function wholeText(expected: string | RegExp) {
  const matches = (text: string | null | undefined) => {
    const normal = (text ?? '').replace(/\s+/g, ' ').trim();
    return typeof expected === 'string' ? normal === expected : expected.test(normal);
  };
  return (_content: string, element: Element | null): boolean =>
    element != null && matches(element.textContent) && ![...element.children].some((child) => matches(child.textContent));
}

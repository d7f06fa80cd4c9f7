/**
 * Finding elements the way a user or a screen reader does: by role and accessible name, or
 * by the label of a form control, searching through open shadow roots (every element of the
 * checkout keeps its controls in its own shadow root).
 *
 *     byRole(root, 'button', { name: 'Continue' }).click();
 *     byLabel(root, 'Company name').value;
 *     queryByRole(root, 'alert');                       // null when there is none
 *     allByRole(root, 'checkbox', { name: /^Auto-renew/ });
 *
 * A string name matches the whole accessible name (spaces collapsed); a RegExp is tested
 * against it; a function gets the name and the element. Elements a user cannot perceive
 * (`hidden`, `display: none`, `visibility: hidden`, `aria-hidden="true"`, or inside such an
 * element) are left out unless `{ hidden: true }`.
 */

export type Scope = Document | Element | ShadowRoot;
export type NameMatcher = string | RegExp | ((name: string, element: Element) => boolean);

export interface RoleOptions {
  /** The accessible name to match. */
  name?: NameMatcher;
  /** Include elements a user cannot perceive (default false). */
  hidden?: boolean;
}

/** Spaces collapsed and trimmed, as text is compared everywhere here. */
export const normalize = (value: string): string => value.replace(/\s+/g, ' ').trim();

/** Text as rendered (hidden elements left out), spaces collapsed. */
export function textOf(node: Element | ShadowRoot | null | undefined): string {
  if (!node) return '';
  return normalize(node instanceof HTMLElement ? node.innerText : (node.textContent ?? ''));
}

/** Every element under `scope`, in document order, each host followed by its shadow root's content. */
export function deepElements(scope: Scope): Element[] {
  const out: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const child of node.children) {
      out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (scope instanceof Element && scope.shadowRoot) visit(scope.shadowRoot);
  visit(scope);
  return out;
}

/** The next element up, crossing from a shadow root to its host. */
function parentAcross(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Whether a user can perceive the element (rendered, visible, not hidden from assistive technology). */
export function isPerceivable(el: Element): boolean {
  for (let node: Element | null = el; node; node = parentAcross(node)) {
    if (node.getAttribute('aria-hidden') === 'true') return false;
  }
  return el.checkVisibility({ checkVisibilityCSS: true });
}

const TEXT_TYPES = new Set(['', 'text', 'email', 'tel', 'url', 'search', 'password']);

/** The element's role: its `role` attribute, else the implicit role of its tag (the ones this project uses). */
export function roleOf(el: Element): string | null {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) return explicit;
  const tag = el.localName;
  if (tag === 'input') {
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (TEXT_TYPES.has(type)) return el.hasAttribute('list') ? 'combobox' : 'textbox';
    if (type === 'checkbox' || type === 'radio') return type;
    if (type === 'number') return 'spinbutton';
    if (type === 'button' || type === 'submit' || type === 'reset') return 'button';
    return null;
  }
  if (/^h[1-6]$/.test(tag)) return 'heading';
  const implicit: Record<string, string> = {
    button: 'button',
    textarea: 'textbox',
    select: (el as HTMLSelectElement).multiple || (el as HTMLSelectElement).size > 1 ? 'listbox' : 'combobox',
    fieldset: 'group',
    ul: 'list',
    ol: 'list',
    li: 'listitem',
    nav: 'navigation',
    dialog: 'dialog',
    output: 'status',
    progress: 'progressbar',
    table: 'table',
    img: 'img',
    form: 'form',
  };
  if (tag === 'a' || tag === 'area') return el.hasAttribute('href') ? 'link' : null;
  if (tag === 'section') return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : null;
  return implicit[tag] ?? null;
}

function byIds(el: Element, attribute: string): string | null {
  const ids = el.getAttribute(attribute);
  if (!ids) return null;
  const root = el.getRootNode() as Document | ShadowRoot;
  return ids
    .split(/\s+/)
    .map((id) => textOf(root.getElementById(id)) || normalize(root.getElementById(id)?.textContent ?? ''))
    .filter(Boolean)
    .join(' ');
}

const NAMED_BY_CONTENT = new Set(['button', 'link', 'heading', 'checkbox', 'radio', 'tab', 'option', 'listitem', 'cell', 'menuitem']);

/**
 * The accessible name, in the order of the accname rules this project relies on:
 * `aria-labelledby`, `aria-label`, the control's `<label>`s, `alt`, then the content for
 * roles named by their content, then `title`.
 */
export function accessibleName(el: Element): string {
  const labelledBy = byIds(el, 'aria-labelledby');
  if (labelledBy) return labelledBy;
  const label = normalize(el.getAttribute('aria-label') ?? '');
  if (label) return label;
  const labels = (el as HTMLInputElement).labels;
  if (labels?.length) return normalize([...labels].map((node) => node.textContent ?? '').join(' '));
  if (el instanceof HTMLImageElement) return normalize(el.alt);
  if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type)) return normalize(el.value);
  const role = roleOf(el);
  if (role && NAMED_BY_CONTENT.has(role)) {
    const content = el instanceof HTMLElement && isPerceivable(el) ? textOf(el) : normalize(el.textContent ?? '');
    if (content) return content;
  }
  return normalize(el.getAttribute('title') ?? '');
}

function nameMatches(name: string, el: Element, wanted: NameMatcher | undefined): boolean {
  if (wanted === undefined) return true;
  if (typeof wanted === 'string') return name === normalize(wanted);
  if (wanted instanceof RegExp) return wanted.test(name);
  return wanted(name, el);
}

function describe(what: string, options: RoleOptions): string {
  return options.name === undefined ? what : `${what} named ${String(options.name)}`;
}

/** Every element with `role` (and the name, if given), in document order, through shadow roots. */
export function allByRole<T extends Element = HTMLElement>(scope: Scope, role: string, options: RoleOptions = {}): T[] {
  return deepElements(scope).filter(
    (el) => roleOf(el) === role && (options.hidden || isPerceivable(el)) && nameMatches(accessibleName(el), el, options.name),
  ) as T[];
}

/** The first element with `role` (and the name, if given), or null. */
export function queryByRole<T extends Element = HTMLElement>(scope: Scope, role: string, options: RoleOptions = {}): T | null {
  return allByRole<T>(scope, role, options)[0] ?? null;
}

/** The first element with `role` (and the name, if given); throws, listing the names there are, when none. */
export function byRole<T extends Element = HTMLElement>(scope: Scope, role: string, options: RoleOptions = {}): T {
  const found = queryByRole<T>(scope, role, options);
  if (found) return found;
  const names = allByRole(scope, role, { hidden: options.hidden }).map((el) => accessibleName(el));
  throw new Error(`no ${describe(role, options)}; ${role}s there: ${JSON.stringify(names)}`);
}

const LABELABLE = 'input, select, textarea, button, meter, output, progress';

/** Every form control one of whose labels (a `<label>`, `aria-labelledby`, `aria-label`) matches. */
export function allByLabel<T extends HTMLElement = HTMLInputElement>(scope: Scope, label: NameMatcher, options: Omit<RoleOptions, 'name'> = {}): T[] {
  return deepElements(scope).filter(
    (el) =>
      el.matches(LABELABLE) &&
      (el as HTMLInputElement).type !== 'hidden' &&
      (options.hidden || isPerceivable(el)) &&
      labelsOf(el).some((text) => nameMatches(text, el, label)),
  ) as T[];
}

/** The label texts of a form control: each `<label>`, its `aria-labelledby` and its `aria-label`. */
function labelsOf(el: Element): string[] {
  const labels = [...((el as HTMLInputElement).labels ?? [])].map((node) => normalize(node.textContent ?? ''));
  return [...labels, byIds(el, 'aria-labelledby') ?? '', normalize(el.getAttribute('aria-label') ?? '')].filter(Boolean);
}

/** The first form control with that label, or null. */
export function queryByLabel<T extends HTMLElement = HTMLInputElement>(scope: Scope, label: NameMatcher, options: Omit<RoleOptions, 'name'> = {}): T | null {
  return allByLabel<T>(scope, label, options)[0] ?? null;
}

/** The first form control with that label; throws, listing the labels there are, when none. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(scope: Scope, label: NameMatcher, options: Omit<RoleOptions, 'name'> = {}): T {
  const found = queryByLabel<T>(scope, label, options);
  if (found) return found;
  const labels = deepElements(scope)
    .filter((el) => el.matches(LABELABLE))
    .flatMap(labelsOf);
  throw new Error(`no control labelled ${String(label)}; labels there: ${JSON.stringify(labels)}`);
}

/** A matcher for names that start with `prefix` (a string) or match a RegExp: the flow helpers' old rule. */
export function startsWith(wanted: string | RegExp): (name: string) => boolean {
  return typeof wanted === 'string' ? (name) => name.startsWith(normalize(wanted)) : (name) => wanted.test(name);
}

/**
 * Text. Every visible string comes from a table of defaults (English) that the reseller
 * may override key by key through `<lc-checkout>.strings` or an element's own `strings`.
 * Each element keeps its defaults next to it (`<name>.strings.ts`); placeholders are
 * written `{name}` and filled by `format()`.
 */
export type StringTable = Record<string, string>;

/** Fills `{name}` placeholders; unknown names are left as they are. Values are text, never markup. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * Looks a key up: the override first, then the element's defaults.
 * `overrides` may come from context (`<lc-checkout>`) or from the element's own property.
 */
export function lookup<T extends StringTable>(
  defaults: T,
  overrides: StringTable | undefined,
  key: keyof T & string,
  values?: Record<string, string | number>,
): string {
  const template = overrides?.[key] ?? defaults[key] ?? key;
  return format(template, values);
}

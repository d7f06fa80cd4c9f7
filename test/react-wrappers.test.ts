/**
 * `license-checkout/react`: a wrapper for every element, and each wrapper's `onLc…` callbacks
 * are exactly the events its element documents with `@fires` (the custom-elements manifest).
 * React itself is not loaded here: the wrappers are made from `src/react-wrappers.ts`.
 */
import { expect } from '@open-wc/testing';
import { wrappers } from '../src/react-wrappers.js';

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  events?: Array<{ name: string }>;
}

/** `lc-step-input` → `onLcStepInput`, the callback name `@lit/react` users write. */
const callbackOf = (event: string) => `on${event.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`;

async function documentedElements(): Promise<Map<string, string[]>> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: Array<{ declarations?: Declaration[] }> };
  const elements = new Map<string, string[]>();
  for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    if (d.customElement && d.tagName) elements.set(d.tagName, (d.events ?? []).map((e) => e.name).sort());
  }
  return elements;
}

describe('React wrappers', () => {
  it('wrap every element the manifest documents, one wrapper each, named after its class', async () => {
    const documented = await documentedElements();
    const wrapped = Object.entries(wrappers).map(([name, spec]) => [spec.tagName, name] as const);
    expect(wrapped.map(([tag]) => tag).sort()).to.deep.equal([...documented.keys()].sort());
    for (const [tag, name] of wrapped) expect(customElements.get(tag)?.name, tag).to.equal(name);
  });

  it("have an onLc… callback for each event the element's @fires lists, and no other", async () => {
    const documented = await documentedElements();
    const mismatches: string[] = [];
    for (const [name, spec] of Object.entries(wrappers)) {
      const events = Object.entries(spec.events as Record<string, string>);
      const fires = documented.get(spec.tagName) ?? [];
      const given = events.map(([, event]) => event).sort();
      if (JSON.stringify(given) !== JSON.stringify(fires)) mismatches.push(`${name}: has ${given.join(', ') || 'none'}; @fires ${fires.join(', ') || 'none'}`);
      for (const [prop, event] of events) if (prop !== callbackOf(event)) mismatches.push(`${name}: ${prop} for ${event}`);
    }
    expect(mismatches).to.deep.equal([]);
  });

  it('are all exported by license-checkout/react, each made from its own entry', async () => {
    // The module as the test server serves it (React is not loaded: it is CommonJS).
    const source = await (await fetch('/src/react.ts')).text();
    const exported = [...source.matchAll(/export const (\w+) = createComponent\(\{[^}]*\.\.\.wrappers\.(\w+) \}\)/g)];
    expect(exported.filter(([, name, spec]) => name !== spec), 'an export made from another entry').to.deep.equal([]);
    expect(exported.map(([, name]) => name).sort()).to.deep.equal(Object.keys(wrappers).sort());
  });
});

import type { ArgTypes, Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
// Generated from the elements' JSDoc by `npm run analyze` (run before every Storybook command),
// so the docs tables and the controls can never drift from the code.
import manifest from '../custom-elements.json';
import { ar } from '../src/i18n/ar.js';
import { de } from '../src/i18n/de.js';
import type { StringTable } from '../src/i18n/strings.js';
import { locales, themes, type LocaleName, type ThemeName } from './themes.js';

interface Member {
  static?: boolean;
  privacy?: string;
}
interface Declaration {
  members?: Member[];
  summary?: string;
  description?: string;
}
interface Manifest {
  modules: Array<{ declarations?: Declaration[] }>;
}

/**
 * The manifest for the controls and docs tables: public instance members only (static
 * `styles`, `version` and private state are not something a designer can set), and the
 * summary shown on the docs page.
 */
function publicOnly(full: Manifest): Manifest {
  return {
    ...full,
    modules: full.modules.map((mod) => ({
      ...mod,
      declarations: mod.declarations?.map((decl) => ({
        ...decl,
        // The docs page shows `description`; the elements put their one-line purpose in @summary.
        description: [decl.summary, decl.description].filter(Boolean).join('\n\n'),
        ...(decl.members ? { members: decl.members.filter((m) => !m.static && m.privacy !== 'private' && m.privacy !== 'protected') } : {}),
      })),
    })),
  };
}

setCustomElementsManifest(publicOnly(manifest as Manifest));

/** The string table of each toolbar language; English is the elements' own defaults. */
const translations: Partial<Record<LocaleName, StringTable>> = { de, ar };

/**
 * Gives the story's root element(s) the language's table as `strings`: `<lc-checkout>` passes
 * it to its steps through context, a standalone step uses its own `strings`. Keys a story sets
 * itself (a `strings` arg) win over the table.
 */
function applyStrings(rendered: unknown, table: StringTable | undefined): void {
  if (!table) return;
  const roots = rendered instanceof DocumentFragment ? [...rendered.children] : [rendered];
  for (const root of roots) {
    if (!(root instanceof HTMLElement) || !root.localName.startsWith('lc-')) continue;
    const el = root as HTMLElement & { strings?: StringTable };
    el.strings = { ...table, ...el.strings };
  }
}

/**
 * Theme and language from the toolbar, applied on a wrapper: the `--lc-*` properties inherit
 * into every shadow root, the elements resolve their locale from the nearest `lang`, and the
 * root element gets the language's string table (German, Arabic) as `strings`.
 */
const withThemeAndLang: Decorator = (story, context) => {
  const theme = themes[(context.globals['theme'] as ThemeName | undefined) ?? 'default'] ?? themes.default;
  const requested = context.globals['lang'] as string | undefined;
  const langName: LocaleName = requested && requested in locales ? (requested as LocaleName) : 'en';
  const locale = locales[langName];
  // The canvas itself gets the direction too, so an RTL story is mirrored as in an RTL page.
  document.documentElement.lang = langName;
  document.documentElement.dir = locale.dir;
  const style = {
    ...theme.vars,
    background: theme.background,
    'color-scheme': theme.colorScheme,
    padding: '16px',
    'box-sizing': 'border-box',
    'min-height': '100vh',
  };
  const rendered = story();
  applyStrings(rendered, translations[langName]);
  return html`<div class="lc-story" lang=${langName} dir=${locale.dir} style=${styleMap(style)}>${rendered}</div>`;
};

/**
 * Every story starts with a fresh mock backend, so nothing the library stored for an earlier
 * story (the cart in localStorage, a placed order's id in sessionStorage) may leak into it.
 * Only the library's own keys go: Storybook keeps its UI state in the same storage.
 */
function forgetLibraryStorage(): void {
  for (const storage of [localStorage, sessionStorage]) {
    for (const key of Object.keys(storage)) if (key.startsWith('license-checkout:')) storage.removeItem(key);
  }
}

/**
 * The `--lc-*` custom properties the elements document, with a control each (a colour picker
 * for colours); `createElement` in stories/support sets them on the element. Declared here
 * because the manifest's custom properties come without a control.
 */
const cssPropertyArgTypes: ArgTypes = Object.fromEntries(
  [
    'accent', 'accent-text', 'text', 'muted', 'surface', 'surface-alt', 'border', 'danger', 'success', 'warning', 'focus',
  ]
    .map((name) => `--lc-color-${name}`)
    .concat(['--lc-radius', '--lc-space', '--lc-font-family', '--lc-font-size'])
    .map((name) => [name, { control: name.includes('color') ? 'color' : 'text', table: { category: 'css custom properties' } }]),
);

const preview: Preview = {
  decorators: [withThemeAndLang],
  argTypes: cssPropertyArgTypes,
  beforeEach: forgetLibraryStorage,
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Theme: the --lc-* custom properties',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: Object.entries(themes).map(([value, theme]) => ({ value, title: theme.title })),
        dynamicTitle: true,
      },
    },
    lang: {
      description: 'Language and direction of the page around the checkout',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: Object.entries(locales).map(([value, locale]) => ({ value, title: locale.title, right: locale.dir })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'default', lang: 'en' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    // Every story is an accessibility test: axe violations fail `npm run test:stories`.
    a11y: { test: 'error' },
    docs: { story: { inline: true, height: '520px' } },
  },
};

export default preview;

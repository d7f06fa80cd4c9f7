/**
 * The themes of the toolbar: values for the public `--lc-*` custom properties, set on a
 * wrapper around the story (custom properties inherit into the shadow roots).
 */
export type ThemeName = 'default' | 'northwind' | 'fourthcoffee' | 'light' | 'dark';

export interface Theme {
  title: string;
  /** The page behind the checkout, so a dark theme is not shown on white. */
  background: string;
  colorScheme: 'light' | 'dark';
  vars: Record<string, string>;
}

const light = {
  '--lc-color-accent': '#0f62c8',
  '--lc-color-accent-text': '#ffffff',
  '--lc-color-text': '#1b1f24',
  '--lc-color-muted': '#59636e',
  '--lc-color-surface': '#ffffff',
  '--lc-color-surface-alt': '#f4f6f8',
  '--lc-color-border': '#c9d1d9',
  '--lc-color-danger': '#b42318',
  '--lc-color-success': '#1a7f37',
  '--lc-color-warning': '#9a6700',
  '--lc-color-focus': '#0f62c8',
};

export const themes: Record<ThemeName, Theme> = {
  // No custom property set: the elements' own defaults, which follow prefers-color-scheme.
  default: { title: 'Default (follows the OS)', background: 'Canvas', colorScheme: 'light', vars: {} },
  light: { title: 'Light', background: '#ffffff', colorScheme: 'light', vars: light },
  dark: {
    title: 'Dark',
    background: '#0b0f14',
    colorScheme: 'dark',
    vars: {
      '--lc-color-accent': '#4c9bf5',
      '--lc-color-accent-text': '#0b1220',
      '--lc-color-text': '#e6edf3',
      '--lc-color-muted': '#9da7b3',
      '--lc-color-surface': '#0d1117',
      '--lc-color-surface-alt': '#161b22',
      '--lc-color-border': '#3d444d',
      '--lc-color-danger': '#ff7b72',
      '--lc-color-success': '#3fb950',
      '--lc-color-warning': '#d29922',
      '--lc-color-focus': '#4c9bf5',
    },
  },
  // Two resellers' brands: the five properties a brand usually changes.
  northwind: {
    title: 'Brand: Northwind (green, square)',
    background: '#f3f7f4',
    colorScheme: 'light',
    vars: {
      ...light,
      '--lc-color-accent': '#1e6b45',
      '--lc-color-focus': '#1e6b45',
      '--lc-radius': '2px',
      '--lc-font-family': 'Georgia, "Times New Roman", serif',
      '--lc-color-surface-alt': '#e6f0ea',
    },
  },
  fourthcoffee: {
    title: 'Brand: Fourth Coffee (brown, round, roomy)',
    background: '#fbf7f2',
    colorScheme: 'light',
    vars: {
      ...light,
      '--lc-color-accent': '#7a3e12',
      '--lc-color-focus': '#7a3e12',
      '--lc-radius': '14px',
      '--lc-space': '10px',
      '--lc-color-surface-alt': '#f5ebe0',
      '--lc-font-size': '1.0625rem',
    },
  },
};

export const locales = {
  en: { title: 'English', dir: 'ltr' },
  de: { title: 'Deutsch', dir: 'ltr' },
  ar: { title: 'العربية (RTL)', dir: 'rtl' },
} as const;

export type LocaleName = keyof typeof locales;

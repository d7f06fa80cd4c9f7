/**
 * Shortens the private `_names` of the script-tag files (see `shortenPrivateNames` in
 * vite.config.ts): `this._draft`, `this._announcement` and some 300 more become `_a`, `_b`, …
 * Pure string code, so the browser tests run it too.
 *
 * The minifier cannot do it safely: with TypeScript's decorators a reactive property is named
 * in a string (`__decorate([state()], X.prototype, "_draft")`), which a property mangler leaves
 * alone while it renames `this._draft`. Here a name is replaced everywhere it stands as a whole
 * token — as a property, a key, a class member and a string of its own — in every file of the
 * build at once, so the entry and the steps' file keep agreeing.
 *
 * Which names: those read or written as a property somewhere (`._name`), starting with one
 * underscore and a lower-case letter (lit's own internals start with `_$` or `__`; they are
 * left alone), except the few that HTML gives a meaning (`target="_blank"`). A name never
 * stands after a word character, `$` or `-` (so `--_radius` in CSS stays). Names the store's
 * JSON could carry are not in our sources' property reads: every answer goes through the
 * contract's schemas, whose keys have no leading underscore.
 */

/** Words with a meaning of their own in HTML, never renamed. */
const RESERVED = new Set(['_blank', '_self', '_parent', '_top']);

/** A token that may be a private name: one underscore, a lower-case letter, then word characters. */
const TOKEN = /(?<![\w$-])_[a-z][A-Za-z0-9_]*(?![\w$])/g;
const PROPERTY = /\._[a-z][A-Za-z0-9_]*(?![\w$])/g;

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** `_a` … `_Z`, `_aa`, … in order. */
function shortName(index: number): string {
  let name = '';
  let i = index;
  do {
    name = LETTERS[i % LETTERS.length] + name;
    i = Math.floor(i / LETTERS.length) - 1;
  } while (i >= 0);
  return `_${name}`;
}

/**
 * The files with their private names shortened, and the names given (the most used name gets
 * the shortest). Names of three characters or fewer keep theirs (nothing to gain), and no
 * new name is one that the files already use for anything.
 */
export function shortenPrivateNames(files: readonly string[]): { files: string[]; names: Map<string, string> } {
  const candidates = new Set<string>();
  for (const code of files) for (const [match] of code.matchAll(PROPERTY)) candidates.add(match.slice(1));
  const uses = new Map<string, number>();
  const taken = new Set<string>(RESERVED);
  for (const code of files) {
    for (const [token] of code.matchAll(TOKEN)) {
      if (candidates.has(token) && token.length > 3 && !RESERVED.has(token)) uses.set(token, (uses.get(token) ?? 0) + 1);
      else taken.add(token);
    }
  }
  const names = new Map<string, string>();
  let next = 0;
  for (const [name] of [...uses].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    let short = shortName(next++);
    while (taken.has(short)) short = shortName(next++);
    // Three characters at most while there are fewer than 2,756 names: always shorter.
    if (short.length >= name.length) throw new Error(`shorten-private-names: no shorter name for ${name}`);
    names.set(name, short);
  }
  return { files: files.map((code) => code.replace(TOKEN, (token) => names.get(token) ?? token)), names };
}

/** SQL files are bundled as text (esbuild's `text` loader; see server/scripts/build.mjs). */
declare module '*.sql' {
  const sql: string;
  export default sql;
}

// For test/lazy*.test.ts: the built script-tag files served again under another path, as a
// reseller's copy on its own CDN path would be (`/cdn-copy/<any path>/license-checkout.js` is
// dist/license-checkout.js), with the requests for the steps' files recorded and, on
// command, answered with a 500 under a page's own path (`{ copy: '/cdn-copy/…/', fail: true }`,
// `fail: false` to stop), so a test can make a step's file fail to load and recover without
// touching other pages (test files run in parallel, each under its own path).
const PREFIX = '/cdn-copy/';

export function lazyCopy() {
  /** Step files under these paths answer 500. */
  const failing = new Set();
  /** Paths of the step files asked for under the copy. */
  const requested = [];
  const middleware = async (ctx, next) => {
    if (!ctx.path.startsWith(PREFIX)) return next();
    const file = ctx.path.slice(PREFIX.length).replace(/^.*?(license-checkout(\.js|\/))/, '$1');
    if (file.startsWith('license-checkout/')) {
      requested.push(ctx.path);
      if ([...failing].some((path) => ctx.path.startsWith(path))) {
        ctx.status = 500;
        ctx.body = 'failing on purpose (test/lazy-retry.test.ts)';
        return;
      }
    }
    ctx.path = `/dist/${file}`;
    return next();
  };
  const plugin = {
    name: 'license-checkout:lazy-copy',
    executeCommand({ command, payload }) {
      if (command !== 'lazy-copy') return undefined;
      if (payload?.copy) failing[payload.fail ? 'add' : 'delete'](payload.copy);
      return { requested: [...requested] };
    },
  };
  return { middleware, plugin };
}

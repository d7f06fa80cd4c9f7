// For test/lazy*.test.ts: the built script-tag files served again under another path, as a
// reseller's copy on its own CDN path would be (`/cdn-copy/<any path>/license-checkout.js` is
// dist/license-checkout.js), with the requests for the steps' files recorded and, on
// command, answered with a 500 under one path (`fail: '/cdn-copy/…/'`, `fail: false` to stop),
// so a test can make a step's file fail to load and recover without touching other pages.
const PREFIX = '/cdn-copy/';

export function lazyCopy() {
  /** Step files under this path answer 500; false: none. */
  let failing = false;
  /** Paths of the step files asked for under the copy. */
  const requested = [];
  const middleware = async (ctx, next) => {
    if (!ctx.path.startsWith(PREFIX)) return next();
    const file = ctx.path.slice(PREFIX.length).replace(/^.*?(license-checkout(\.js|\/))/, '$1');
    if (file.startsWith('license-checkout/')) {
      requested.push(ctx.path);
      if (failing && ctx.path.startsWith(failing)) {
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
      if (payload && 'fail' in payload) failing = payload.fail;
      return { requested: [...requested] };
    },
  };
  return { middleware, plugin };
}

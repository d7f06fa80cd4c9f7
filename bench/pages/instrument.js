// Loaded as a classic script before the bundle, so it sees every listener and request the
// widget makes: listeners on window/document, fetch calls (sent, aborted, bytes), and a
// time scale for timers (the provisioning figure runs the client's clock as fast as the mock's).
(() => {
  const active = []; // { target, type, listener, capture }
  const watched = (target) => target === window || target === document;
  const captureOf = (options) => (typeof options === 'boolean' ? options : Boolean(options && options.capture));
  const find = (target, type, listener, capture) =>
    active.findIndex((e) => e.target === target && e.type === type && e.listener === listener && e.capture === capture);
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (watched(this) && listener) {
      const capture = captureOf(options);
      const signal = options && typeof options === 'object' ? options.signal : undefined;
      if (!(signal && signal.aborted) && find(this, type, listener, capture) < 0) {
        const entry = { target: this, type, listener, capture };
        active.push(entry);
        const drop = () => {
          const i = active.indexOf(entry);
          if (i >= 0) active.splice(i, 1);
        };
        if (signal) add.call(signal, 'abort', drop, { once: true });
      }
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (watched(this) && listener) {
      const i = find(this, type, listener, captureOf(options));
      if (i >= 0) active.splice(i, 1);
    }
    return remove.call(this, type, listener, options);
  };

  const fetches = [];
  const realFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    const request = input instanceof Request ? input : undefined;
    const signal = (init && init.signal) || (request && request.signal);
    const entry = { url: String(request ? request.url : input), method: ((init && init.method) || (request && request.method) || 'GET').toUpperCase(), at: Date.now(), aborted: false, status: 0 };
    fetches.push(entry);
    if (signal) add.call(signal, 'abort', () => (entry.aborted = true), { once: true });
    return realFetch(input, init).then(
      (response) => {
        entry.status = response.status;
        return response;
      },
      (error) => {
        if (error && error.name === 'AbortError') entry.aborted = true;
        entry.error = String(error && error.name);
        throw error;
      },
    );
  };

  // Timers run `timeScale` times faster (1: real time).
  const realSetTimeout = window.setTimeout.bind(window);
  const realSetInterval = window.setInterval.bind(window);
  window.setTimeout = (fn, delay, ...args) => realSetTimeout(fn, (Number(delay) || 0) / window.__bench.timeScale, ...args);
  window.setInterval = (fn, delay, ...args) => realSetInterval(fn, (Number(delay) || 0) / window.__bench.timeScale, ...args);

  window.__bench = {
    timeScale: 1,
    listeners: () => active.map((e) => `${e.target === window ? 'window' : 'document'}:${e.type}${e.capture ? ':capture' : ''}`),
    fetches,
    realSetTimeout,
  };
})();

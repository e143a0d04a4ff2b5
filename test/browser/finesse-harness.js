// A stand-in for the gadget runtime, for test/browser/finesse-library.test.ts: `gadgets.Hub` over one in-page
// hub held by the top page (gadget iframes use their parent's), `gadgets.io.makeRequest` through the test
// server's /proxy (as Shindig's /gadgets/makeRequest forwards), `gadgets.Prefs` from `up_*` URL parameters.
// Hub data goes through JSON and is delivered on a later task, as between frames.
'use strict';
(function () {
  function topicMatches(pattern, topic) {
    const p = pattern.split('.');
    const t = topic.split('.');
    for (let i = 0; i < p.length; i++) {
      if (p[i] === '**') return t.length > i;
      if (i >= t.length) return false;
      if (p[i] !== '*' && p[i] !== t[i]) return false;
    }
    return p.length === t.length;
  }

  function createHub() {
    const subscriptions = new Map();
    let next = 0;
    const hub = {
      log: [], // { topic, data, client } of every publish, for the test to read
      subscribe(client, topic, cb) {
        const id = `${client}#${++next}`;
        subscriptions.set(id, { topic, cb });
        return id;
      },
      unsubscribe(id) { subscriptions.delete(id); },
      publish(client, topic, data) {
        const json = data === undefined ? undefined : JSON.stringify(data);
        hub.log.push({ topic, client, data: json === undefined ? undefined : JSON.parse(json) });
        for (const sub of [...subscriptions.values()]) {
          if (!topicMatches(sub.topic, topic)) continue;
          setTimeout(() => sub.cb(topic, json === undefined ? undefined : JSON.parse(json)), 0);
        }
        for (const wake of hub.wakers.splice(0)) wake();
      },
      wakers: [],
    };
    return hub;
  }

  const inGadget = window.parent !== window && window.parent.harnessHub;
  const hub = inGadget ? window.parent.harnessHub : (window.harnessHub = createHub());
  const client = inGadget ? `gadget-${new URLSearchParams(location.search).get('mid') ?? '?'}` : 'container';
  const params = new URLSearchParams(location.search);

  window.gadgets = {
    Hub: {
      subscribe(topic, cb) { return hub.subscribe(client, topic, cb); },
      unsubscribe(id) { hub.unsubscribe(id); },
      publish(topic, data) { hub.publish(client, topic, data); },
      isConnected() { return true; },
    },
    io: {
      RequestParameters: { METHOD: 'METHOD', HEADERS: 'HEADERS', POST_DATA: 'POST_DATA', CONTENT_TYPE: 'CONTENT_TYPE',
        GET_FULL_HEADERS: 'GET_FULL_HEADERS', REFRESH_INTERVAL: 'REFRESH_INTERVAL' },
      ContentType: { TEXT: 'TEXT', DOM: 'DOM', JSON: 'JSON', FEED: 'FEED' },
      makeRequest(url, callback, opts = {}) {
        fetch('/proxy', { method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ url, method: opts.METHOD ?? 'GET', headers: opts.HEADERS ?? {}, body: opts.POST_DATA }) })
          .then((r) => r.json())
          .then((r) => callback({ rc: r.rc, text: r.body, data: r.body, headers: r.headers, errors: r.rc >= 400 ? [`${r.rc} Error`] : [] }),
            (err) => callback({ rc: 500, text: '', data: '', headers: {}, errors: [String(err)] }));
      },
    },
    json: { parse: JSON.parse, stringify: JSON.stringify },
    Prefs: function Prefs() {
      this.getString = (name) => params.get(`up_${name}`) ?? '';
      this.getInt = (name) => Number(params.get(`up_${name}`) ?? 0) || 0;
      this.set = () => {};
    },
  };

  /** Resolves with the first non-undefined value of `probe`, re-run after each hub message and every 50 ms. */
  window.until = function until(probe, timeoutMs, what) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { clearInterval(poll); reject(new Error(`no ${what} within ${timeoutMs} ms`)); }, timeoutMs);
      const poll = setInterval(check, 50);
      function check() {
        let value;
        try { value = probe(); } catch (err) { clearTimeout(timer); clearInterval(poll); return reject(err); }
        if (value === undefined) return void hub.wakers.push(check);
        clearTimeout(timer);
        clearInterval(poll);
        resolve(value);
      }
      check();
    });
  };
})();

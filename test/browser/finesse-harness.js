// The container side of the test pages for test/browser/finesse-library.test.ts, over the real OpenAjax hub and
// gadget runtime (the `gadget-runtime` bundle): a ManagedHub on the page, the page's own `gadgets.Hub` an
// InlineHubClient, each gadget an IframeContainer. Every message on the hub is logged for the test to read.
'use strict';
(function () {
  const OAH = window.OpenAjax.hub;
  const log = []; // { topic, data } of every publish, in order
  const hub = new OAH.ManagedHub({ onPublish: () => true, onSubscribe: () => true });
  hub.subscribe('**', (topic, data) => { log.push({ topic, data }); });
  const container = new OAH.InlineContainer(hub, 'container', {});
  const client = new OAH.InlineHubClient({ HubClient: {}, InlineHubClient: { container } });
  window.hubLog = log;
  window.hubReady = new Promise((resolve, reject) => {
    client.connect((_client, success, error) => (success ? resolve() : reject(new Error(error))));
  });
  // The page is the container: its finesse.js publishes and subscribes through the inline client.
  window.gadgets.Hub = client;

  window.mountTestGadget = function mountTestGadget(uri, parent) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`gadget ${uri} did not connect`)), 10000);
      new OAH.IframeContainer(hub, `gadget-${new URL(uri, location.href).searchParams.get('mid')}`, {
        Container: { onConnect: () => { clearTimeout(timer); resolve(uri); } },
        IframeContainer: { parent, uri, iframeAttrs: { style: { width: '100%' } } },
      });
    });
  };

  /** Resolves with the first non-undefined value of `probe`, polled every 25 ms. */
  window.until = function until(probe, timeoutMs, what) {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      (function check() {
        let value;
        try { value = probe(); } catch (err) { return reject(err); }
        if (value !== undefined) return resolve(value);
        if (Date.now() - started > timeoutMs) return reject(new Error(`no ${what} within ${timeoutMs} ms`));
        setTimeout(check, 25);
      })();
    });
  };
})();

// The gadget features the runtime provides (desktop-and-gadgets.md §3.1): one bundle, gadget-runtime, serves
// them all; `content-rewrite` and `locked-domain` are accepted and do nothing.
export const SUPPORTED_FEATURES: ReadonlySet<string> = new Set([
  'core', 'core.io', 'core.json', 'core.util', 'core.prefs', 'rpc', 'pubsub-2', 'setprefs', 'dynamic-height',
  'settitle', 'views', 'loadingindicator', 'content-rewrite', 'locked-domain',
]);

/** The bundle that answers every `/gadgets/js/<features>.js`. */
export const RUNTIME_BUNDLE = 'gadget-runtime';

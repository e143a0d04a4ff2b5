// finesse.js, served at /desktop/assets/js/finesse.js (desktop-and-gadgets.md §5): installs `window.finesse`,
// merging into what the page may already hold (old samples define `finesse.gadget.Config` first; the container
// defines `finesse.container`).
import { configFromPrefs } from './gadget/config.ts';
import { clientservices, containerservices, cslogger, restservices, utilities } from './library.ts';

type Namespace = Record<string, unknown>;
const scope = globalThis as unknown as { finesse?: Namespace };
const finesse: Namespace = scope.finesse ?? {};
scope.finesse = finesse;

function merge(name: string, members: Namespace): void {
  const existing = finesse[name];
  finesse[name] = typeof existing === 'object' && existing !== null ? Object.assign(existing, members) : { ...members };
}

merge('clientservices', clientservices);
merge('restservices', restservices);
merge('containerservices', containerservices);
merge('cslogger', cslogger);
merge('utilities', utilities);

const gadget = (finesse.gadget ?? {}) as Namespace;
finesse.gadget = gadget;
if (gadget.Config === undefined) {
  const config = configFromPrefs();
  if (config) gadget.Config = config;
}

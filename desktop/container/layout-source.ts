// Fetches the user's layout (desktop-and-gadgets.md §1 step 7): the team's TeamLayoutConfig unless `useDefault`
// (or unreadable), else LayoutConfig/default; the escaped layout XML is parsed with DOMParser.
import { parseLayout, type LayoutResult, type XmlView } from './layout-model.ts';
import { parseXmlText, restCall, textAt } from './rest.ts';

export function domXmlView(element: Element): XmlView {
  return {
    name: element.localName,
    attribute: (name) => element.getAttribute(name) ?? undefined,
    children: () => [...element.children].map(domXmlView),
    text: () => [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE || n.nodeType === Node.CDATA_SECTION_NODE)
      .map((n) => n.textContent ?? '').join(''),
  };
}

export function parseLayoutText(layoutXml: string): LayoutResult {
  const document = parseXmlText(layoutXml);
  if (!document) return { ok: false, error: 'The layout is not well-formed XML.' };
  return parseLayout(domXmlView(document.documentElement));
}

// Where a team's TeamLayoutConfig can be read: the 12.5 TeamResource form, which team members may read, then the
// administrators' Team form (rest-api.md §7).
const teamLayoutPaths = (teamId: string): string[] => [
  `/finesse/api/TeamResource/${encodeURIComponent(teamId)}/Layout`,
  `/finesse/api/Team/${encodeURIComponent(teamId)}/LayoutConfig`,
];

/** The team's own layout XML, or undefined when it uses the default or cannot be read. */
async function teamLayoutXml(teamId: string, auth: string): Promise<string | undefined> {
  if (!teamId) return undefined;
  for (const path of teamLayoutPaths(teamId)) {
    try {
      const answer = await restCall('GET', path, auth);
      if (answer.status !== 200 || answer.xml?.documentElement.localName !== 'TeamLayoutConfig') continue;
      if (textAt(answer.xml, 'useDefault') === 'true') return undefined;
      return textAt(answer.xml, 'layoutxml') || undefined;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

export async function loadLayout(teamId: string, auth: string): Promise<LayoutResult> {
  const team = await teamLayoutXml(teamId, auth);
  if (team) {
    const parsed = parseLayoutText(team);
    if (parsed.ok) return parsed;
  }
  const answer = await restCall('GET', '/finesse/api/LayoutConfig/default', auth);
  const layoutXml = answer.status === 200 ? textAt(answer.xml, 'layoutxml') : '';
  if (!layoutXml) return { ok: false, error: `no layout is configured (HTTP ${answer.status})` };
  return parseLayoutText(layoutXml);
}

// The teams a section offers to pick from, by name, from GET /finesse/api/Teams.
import { describeApiFailure, type AdminApi } from './api.ts';
import type { MessageLine } from './section.ts';
import { childElements, childText } from './xml.ts';

export interface TeamChoice { id: string; name: string }

/** Every team, sorted by name; none, with the failure on `message`, when they cannot be read. */
export async function teamChoices(api: AdminApi, message: MessageLine): Promise<TeamChoice[]> {
  try {
    return childElements(await api.get('/finesse/api/Teams'), 'Team')
      .map((t) => ({ id: childText(t, 'id'), name: childText(t, 'name') }))
      .sort((a, b) => a.name.localeCompare(b.name));
  } catch (err) {
    message.error(describeApiFailure('Could not list the teams', err));
    return [];
  }
}

// Team resources (rest-api.md §6.1, §6.2, §7 team lists): which team-only reason codes, wrap-up reasons, TEAM phone
// books and workflows a team gets. Global items already reach every team, so only the others are offered; each list
// is saved on its own with PUT /Team/{id}/…, which replaces that list.
import { h, replaceContent } from '../../gadgets/shared/dom.ts';
import { describeApiFailure, type AdminApi } from '../api.ts';
import { MessageLine, type Section } from '../section.ts';
import { teamChoices, type TeamChoice } from '../teams.ts';
import { childElements, childText, escapeXml, uriOf } from '../xml.ts';

/** One assignable list: where every item and the team's items are read, and which items a team may be given. */
interface AssignableList {
  key: string;
  title: string;
  /** Plural words for messages: "Not Ready reason codes". */
  noun: string;
  allPath: string;
  teamPath: (teamId: string) => string;
  wrapper: string;
  item: string;
  assignable: (item: Element) => boolean;
  describe: (item: Element) => string;
  /** Where a team-only item is made, for an empty list. */
  hint: string;
}

const teamPath = (teamId: string, rest: string) => `/finesse/api/Team/${encodeURIComponent(teamId)}/${rest}`;
const notGlobal = (item: Element) => childText(item, 'forAll') !== 'true';
const codeLabel = (rc: Element) => `${childText(rc, 'label')} (${childText(rc, 'code')})`;

const LISTS: readonly AssignableList[] = [
  { key: 'not-ready', title: 'Not ready reason codes', noun: 'Not Ready reason codes',
    allPath: '/finesse/api/ReasonCodes?category=NOT_READY', teamPath: (id) => teamPath(id, 'ReasonCodes?category=NOT_READY'),
    wrapper: 'ReasonCodes', item: 'ReasonCode', describe: codeLabel,
    assignable: (rc) => notGlobal(rc) && childText(rc, 'systemCode') !== 'true',
    hint: 'No team-only Not Ready reason codes: add one under Reason codes with Global unchecked.' },
  { key: 'logout', title: 'Sign out reason codes', noun: 'Sign Out reason codes',
    allPath: '/finesse/api/ReasonCodes?category=LOGOUT', teamPath: (id) => teamPath(id, 'ReasonCodes?category=LOGOUT'),
    wrapper: 'ReasonCodes', item: 'ReasonCode', describe: codeLabel,
    assignable: (rc) => notGlobal(rc) && childText(rc, 'systemCode') !== 'true',
    hint: 'No team-only Sign Out reason codes: add one under Reason codes with Global unchecked.' },
  { key: 'wrap-up', title: 'Wrap-up reasons', noun: 'wrap-up reasons',
    allPath: '/finesse/api/WrapUpReasons', teamPath: (id) => teamPath(id, 'WrapUpReasons'),
    wrapper: 'WrapUpReasons', item: 'WrapUpReason', describe: (w) => childText(w, 'label'), assignable: notGlobal,
    hint: 'No team-only wrap-up reasons: add one under Wrap-up reasons with Global unchecked.' },
  { key: 'phone-books', title: 'Phone books', noun: 'phone books',
    allPath: '/finesse/api/PhoneBooks', teamPath: (id) => teamPath(id, 'PhoneBooks'),
    wrapper: 'PhoneBooks', item: 'PhoneBook', describe: (b) => childText(b, 'name'),
    assignable: (b) => childText(b, 'type') === 'TEAM',
    hint: 'No team phone books: add one of type Team under Phone books.' },
  { key: 'workflows', title: 'Workflows', noun: 'workflows',
    allPath: '/finesse/api/Workflows', teamPath: (id) => teamPath(id, 'Workflows'),
    wrapper: 'Workflows', item: 'Workflow', describe: (w) => childText(w, 'name'), assignable: () => true,
    hint: 'No workflows: add one under Workflows.' },
];

/** `<Workflows><Workflow><uri>/finesse/api/Workflow/3</uri></Workflow></Workflows>`. */
const referencesXml = (list: AssignableList, uris: readonly string[]): string =>
  `<${list.wrapper}>${uris.map((u) => `<${list.item}><uri>${escapeXml(u)}</uri></${list.item}>`).join('')}</${list.wrapper}>`;

/** One list of a team: a fieldset of checkboxes, the assigned ones checked, and its own save button. */
async function listEditor(api: AdminApi, team: TeamChoice, list: AssignableList): Promise<HTMLElement> {
  const message = new MessageLine();
  const form = h('form', { class: 'admin-xml admin-assign', 'data-list': list.key, 'aria-label': `${list.title} of ${team.name}` });
  let items: Element[] = [];
  let assigned = new Set<string>();
  try {
    const [all, mine] = await Promise.all([api.get(list.allPath), api.get(list.teamPath(team.id))]);
    items = childElements(all, list.item).filter(list.assignable);
    assigned = new Set(childElements(mine, list.item).map(uriOf));
  } catch (err) {
    message.error(describeApiFailure(`Could not load the ${list.noun} of ${team.name}`, err));
    form.append(h('h3', {}, list.title), message.element);
    return form;
  }
  const boxes = items.map((item) => h('input', { type: 'checkbox', 'data-uri': uriOf(item), checked: assigned.has(uriOf(item)) }));
  const fieldset = h('fieldset', {}, h('legend', {}, list.title),
    ...(items.length === 0 ? [h('p', { class: 'poise-muted' }, list.hint)]
      : items.map((item, i) => h('label', { class: 'admin-check' }, boxes[i], list.describe(item)))));
  const save = h('button', { type: 'submit', class: 'primary', 'data-action': 'save', disabled: items.length === 0 }, `Save ${list.noun}`);
  form.append(message.element, fieldset, h('div', { class: 'poise-row' }, save));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const uris = boxes.filter((b) => b.checked).map((b) => b.dataset.uri ?? '');
    save.disabled = true;
    void api.request('PUT', list.teamPath(team.id), referencesXml(list, uris))
      .then(() => message.done(`The ${list.noun} of ${team.name} were saved.`),
        (err: unknown) => message.error(describeApiFailure(`Could not save the ${list.noun} of ${team.name}`, err)))
      .finally(() => { save.disabled = false; });
  });
  return form;
}

async function teamEditor(editor: HTMLElement, api: AdminApi, team: TeamChoice): Promise<void> {
  // A fresh container per team, so a slower answer for the team picked before lands nowhere.
  const own = h('div', { 'data-team': team.id }, h('p', { class: 'poise-muted' }, 'Loading…'));
  editor.replaceChildren(own);
  replaceContent(own, await Promise.all(LISTS.map((list) => listEditor(api, team, list))));
}

export const teamResourcesSection: Section = {
  id: 'team-resources',
  title: 'Team resources',
  async open(body, api) {
    const message = new MessageLine();
    const teams = await teamChoices(api, message);
    const editor = h('div', { class: 'admin-sub' });
    const select = h('select', { id: 'team-resources-team' }, ...teams.map((t) => h('option', { value: t.id }, t.name)));
    select.addEventListener('change', () => {
      const team = teams.find((t) => t.id === select.value);
      if (team) void teamEditor(editor, api, team);
    });
    const intro = h('p', { class: 'poise-muted' },
      'Global items reach every team; here a team gets the team-only ones. Each list is saved on its own.');
    replaceContent(body, [message.element, intro,
      h('div', { class: 'poise-row' }, h('label', { for: 'team-resources-team' }, 'Team', select)), editor]);
    if (teams[0]) await teamEditor(editor, api, teams[0]);
    else editor.append(h('p', { class: 'poise-muted' }, 'There are no teams.'));
  },
};

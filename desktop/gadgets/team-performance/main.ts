// Team performance (desktop-and-gadgets.md §6.3, /desktop/scripts/js/teamPerformance.js): the agents of a
// supervised team with state, reason, time in state and extension, kept current from the team's Users node;
// the supervisor selects an agent and makes it Ready, Not Ready or signs it out (rest-api.md §3.4).
import '../shared/gadget.css';
import './team-performance.css';
import { h, replaceContent } from '../shared/dom.ts';
import { describeFailure } from '../shared/errors.ts';
import type { RestCollection, Team, User } from '../shared/finesse-api.ts';
import { bootGadget, type GadgetSession } from '../shared/gadget-boot.ts';
import { formatDuration } from '../shared/time.ts';
import { tickDurations } from '../shared/ticker.ts';
import { agentRow, allowedChanges, STATE_NAMES, supervisedTeams, type AgentRow, type TeamChoice } from './team-view.ts';

const CHANGES = [
  { action: 'READY', label: 'Ready' }, { action: 'NOT_READY', label: 'Not Ready' }, { action: 'LOGOUT', label: 'Sign out' },
] as const;

class TeamPerformance {
  readonly #session: GadgetSession;
  readonly #teams: TeamChoice[];
  readonly #watched = new WeakSet<User>();
  #teamId = '';
  #users: RestCollection<User> | undefined;
  #selected = '';
  #busy = false;
  #message = '';
  #loading = false;

  constructor(session: GadgetSession) {
    this.#session = session;
    this.#teams = session.user.hasSupervisorRole() ? supervisedTeams(session.user.getSupervisedTeams()) : [];
    tickDurations(session.root, session.serverNow);
    if (this.#teams[0]) this.#openTeam(this.#teams[0].id);
    else this.render();
  }

  #openTeam(teamId: string): void {
    this.#teamId = teamId;
    this.#users = undefined;
    this.#selected = '';
    this.#loading = true;
    this.#message = '';
    this.render();
    const { finesse } = this.#session;
    const team: Team = new finesse.restservices.Team({
      id: teamId,
      onLoad: (loaded: Team) => {
        if (this.#teamId !== teamId) return;
        this.#users = loaded.getUsers({
          onLoad: (users) => { if (this.#teamId === teamId) { this.#users = users; this.#loading = false; this.render(); } },
          onCollectionAdd: () => this.render(),
          onCollectionDelete: () => this.render(),
          onChange: () => this.render(),
          onError: (rsp) => { this.#loading = false; this.#message = describeFailure('Could not load the team', rsp); this.render(); },
        });
      },
      onChange: () => this.render(),
      onError: (rsp: unknown) => { this.#loading = false; this.#message = describeFailure('Could not load the team', rsp); this.render(); },
    });
    void team;
  }

  #rows(): AgentRow[] {
    const users = Object.values(this.#users?.getCollection() ?? {});
    for (const user of users) {
      if (this.#watched.has(user)) continue;
      this.#watched.add(user);
      user.addHandler('change', () => this.render());
    }
    return users.map(agentRow).sort((a, b) => a.name.localeCompare(b.name));
  }

  #change(row: AgentRow, state: string): void {
    this.#busy = true;
    this.#message = '';
    const label = CHANGES.find((c) => c.action === state)?.label ?? state;
    row.user.setState(state, undefined, {
      success: () => { this.#busy = false; this.render(); },
      error: (rsp) => { this.#busy = false; this.#message = describeFailure(`Could not set ${row.name} to ${label}`, rsp); this.render(); },
    });
    this.render();
  }

  render(): void {
    const { root } = this.#session;
    if (this.#teams.length === 0) {
      replaceContent(root, [h('p', { class: 'poise-muted' }, 'You supervise no team.')]);
      this.#session.resize();
      return;
    }
    const rows = this.#rows();
    const selected = rows.find((r) => r.id === this.#selected);
    const now = this.#session.serverNow();
    const allowed = selected ? allowedChanges(selected.state) : new Set<string>();
    const teamPicker = this.#teams.length > 1
      ? h('label', { for: 'team-picker' }, 'Team', h('select', {
        id: 'team-picker', onchange: (event) => this.#openTeam((event.target as HTMLSelectElement).value),
      }, ...this.#teams.map((t) => h('option', { value: t.id, selected: t.id === this.#teamId }, t.name))))
      : h('h2', {}, `Team ${this.#teams[0]?.name ?? ''}`);
    const table = h('table', { class: 'poise-table team-table' },
      h('caption', { class: 'poise-sr-only' }, 'Agents of the team'),
      h('thead', {}, h('tr', {}, ...['Agent', 'State', 'Reason', 'Time in state', 'Extension'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...rows.map((row) => h('tr', {
        'data-agent-id': row.id, 'data-state': row.state, 'aria-selected': String(row.id === this.#selected),
      },
      h('td', {}, h('button', {
        type: 'button', class: 'agent-pick', id: `agent-${row.id}`, 'aria-pressed': String(row.id === this.#selected),
        onclick: () => { this.#selected = row.id === this.#selected ? '' : row.id; this.#message = ''; this.render(); },
      }, row.name)),
      h('td', {}, h('span', { class: 'poise-state', 'data-state': row.state }, STATE_NAMES[row.state] ?? row.state)),
      h('td', {}, row.reason),
      h('td', { class: 'duration' }, row.since !== undefined && row.state !== 'LOGOUT'
        ? h('span', { 'data-since': row.since }, formatDuration(now - row.since)) : ''),
      h('td', {}, row.extension)))));
    replaceContent(root, [
      h('div', { class: 'poise-row team-bar' }, teamPicker,
        h('div', { class: 'poise-row', role: 'group', 'aria-label': selected ? `Change the state of ${selected.name}` : 'Select an agent' },
          ...CHANGES.map((c) => h('button', {
            type: 'button', id: `change-${c.action}`, 'data-action': c.action, disabled: !selected || !allowed.has(c.action),
            'aria-disabled': this.#busy ? 'true' : undefined, // focusable while the request runs
            onclick: () => { if (selected && !this.#busy) this.#change(selected, c.action); },
          }, c.label)))),
      this.#message ? h('p', { class: 'poise-error', role: 'alert' }, this.#message) : undefined,
      this.#loading ? h('p', { class: 'poise-muted' }, 'Loading the team…')
        : rows.length > 0 ? table : h('p', { class: 'poise-muted' }, 'No agents in this team.'),
    ]);
    this.#session.resize();
  }
}

let gadget: TeamPerformance | undefined;
bootGadget({
  onUserLoad: (session) => { gadget = new TeamPerformance(session); },
  onUserChange: () => gadget?.render(),
});

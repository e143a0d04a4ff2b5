// One call on the call control: who, what state, the call data, and the buttons its participant's actions allow
// (rest-api.md §4.2), each with a stable data-action for tests and scripts.
import { h } from '../shared/dom.ts';
import { formatDuration } from '../shared/time.ts';
import { keypad } from './dial-pad.ts';
import { STATE_LABELS, type DialogView } from './dialog-view.ts';

/** What the agent may type or open on a card, kept across re-renders. */
export interface CardInput { consultNumber: string; keypadOpen: boolean; wrapUpReason: string }

export interface CardCallbacks {
  act(action: string, argument?: string): void;
  input(change: Partial<CardInput>): void;
}

export interface CardContext {
  input: CardInput;
  busy: ReadonlySet<string>;
  wrapUpReasons: readonly string[];
  /** When the user entered WORK (epoch ms), if it is in WORK. */
  workSince: number | undefined;
  now: number;
}

const BUTTONS: readonly { action: string; label: string; style?: string }[] = [
  { action: 'ANSWER', label: 'Answer', style: 'primary' },
  { action: 'RETRIEVE', label: 'Retrieve', style: 'primary' },
  { action: 'HOLD', label: 'Hold' },
  { action: 'TRANSFER', label: 'Transfer', style: 'primary' },
  { action: 'CONFERENCE', label: 'Conference' },
  { action: 'DROP', label: 'End call', style: 'danger' },
];

function timer(since: number | undefined, now: number, label: string): HTMLElement | undefined {
  if (since === undefined) return undefined;
  return h('span', { class: 'call-timer', 'data-since': since, 'aria-label': label }, formatDuration(now - since));
}

function callData(view: DialogView): HTMLElement | undefined {
  if (view.callData.length === 0) return undefined;
  const list = h('dl', { class: 'call-data' });
  for (const item of view.callData) {
    list.append(h('div', {}, h('dt', {}, item.label), h('dd', { 'data-property': item.label }, item.value || '—')));
  }
  return list;
}

/** On a conference the agent sees who else is on the call, not only the caller. */
function conferenceParties(view: DialogView): HTMLElement | undefined {
  if (view.others.length < 2) return undefined;
  return h('div', { class: 'call-conference' }, h('span', { class: 'poise-muted' }, `Conference with ${view.others.length} others:`),
    h('ul', { class: 'call-participants', 'aria-label': 'Others on this call' },
      ...view.others.map((address) => h('li', { 'data-address': address }, address))));
}

function consultRow(view: DialogView, context: CardContext, callbacks: CardCallbacks): HTMLElement {
  const id = `consult-${view.id}`;
  return h('form', {
    class: 'poise-row consult', 'aria-label': 'Consult',
    onsubmit: (event) => { event.preventDefault(); callbacks.act('CONSULT_CALL', context.input.consultNumber.trim()); },
  },
  h('label', { for: id }, 'Consult number', h('input', {
    id, type: 'tel', autocomplete: 'off', value: context.input.consultNumber,
    oninput: (event) => callbacks.input({ consultNumber: (event.target as HTMLInputElement).value }),
  })),
  h('button', { type: 'submit', id: `consult-button-${view.id}`, 'data-action': 'CONSULT_CALL', disabled: context.input.consultNumber.trim() === '' || context.busy.has('CONSULT_CALL') }, 'Consult'));
}

function wrapUpPanel(view: DialogView, context: CardContext, callbacks: CardCallbacks): HTMLElement {
  const id = `wrap-up-${view.id}`;
  const reasons = context.wrapUpReasons;
  return h('form', {
    class: 'wrap-up', 'aria-label': 'Wrap-up',
    onsubmit: (event) => { event.preventDefault(); callbacks.act('UPDATE_CALL_DATA', context.input.wrapUpReason); },
  },
  h('div', { class: 'poise-row' },
    h('label', { for: id }, 'Wrap-up reason', h('select', {
      id, disabled: reasons.length === 0,
      onchange: (event) => callbacks.input({ wrapUpReason: (event.target as HTMLSelectElement).value }),
    }, h('option', { value: '' }, reasons.length === 0 ? 'No wrap-up reasons' : 'Choose a reason…'),
    ...reasons.map((r) => h('option', { value: r, selected: r === context.input.wrapUpReason }, r)))),
    h('button', { type: 'submit', class: 'primary', id: `wrap-up-apply-${view.id}`, 'data-action': 'UPDATE_CALL_DATA',
      disabled: context.input.wrapUpReason === '' || context.busy.has('UPDATE_CALL_DATA') }, 'Apply'),
    h('button', { type: 'button', id: `wrap-up-ready-${view.id}`, 'data-action': 'READY', disabled: context.busy.has('READY'),
      onclick: () => callbacks.act('READY') }, 'End wrap-up (Ready)')),
  context.workSince !== undefined
    ? h('p', { class: 'poise-muted' }, 'In wrap-up for ', timer(context.workSince, context.now, 'Time in wrap-up'))
    : undefined);
}

export function dialogCard(view: DialogView, context: CardContext, callbacks: CardCallbacks): HTMLElement {
  const stateLabel = STATE_LABELS[view.state] ?? view.state;
  const direction = view.incoming ? 'from' : 'to';
  const buttons = BUTTONS.filter((b) => view.actions.has(b.action)).map((b) => h('button', {
    // While its request is on its way the button stays focusable (aria-disabled), so keyboard focus is not lost.
    type: 'button', class: b.style, 'data-action': b.action, id: `${b.action.toLowerCase()}-${view.id}`,
    'aria-disabled': context.busy.has(b.action) ? 'true' : undefined,
    onclick: () => { if (!context.busy.has(b.action)) callbacks.act(b.action); },
  }, b.label));
  const canDtmf = view.actions.has('SEND_DTMF') || (view.state === 'ACTIVE' && view.actions.size > 0);
  if (canDtmf) {
    buttons.push(h('button', {
      type: 'button', 'data-action': 'KEYPAD', id: `keypad-toggle-${view.id}`, 'aria-expanded': String(context.input.keypadOpen),
      'aria-controls': `keypad-${view.id}`, onclick: () => callbacks.input({ keypadOpen: !context.input.keypadOpen }),
    }, 'Keypad'));
  }
  const card = h('section', {
    id: `call-${view.id}`, class: 'call-card', 'data-dialog-id': view.id, 'data-state': view.state, 'data-dialog-state': view.dialogState,
    'aria-label': `${stateLabel} ${direction} ${view.otherParty}`,
  },
  h('header', { class: 'call-header' },
    h('span', { class: 'call-state' }, stateLabel),
    h('span', { class: 'call-party' }, h('span', { class: 'poise-sr-only' }, `${direction} `),
      h('strong', { 'data-field': 'otherParty' }, view.otherParty)),
    view.callType ? h('span', { class: 'poise-muted call-type' }, view.callType) : undefined,
    timer(view.since, context.now, 'Time in this state')),
  conferenceParties(view),
  callData(view),
  buttons.length > 0 ? h('div', { class: 'poise-row call-actions' }, ...buttons) : undefined,
  view.actions.has('CONSULT_CALL') ? consultRow(view, context, callbacks) : undefined,
  canDtmf && context.input.keypadOpen
    ? h('div', { id: `keypad-${view.id}` }, keypad('Send tone', (digit) => callbacks.act('SEND_DTMF', digit), 'SEND_DTMF', `tone-${view.id}`))
    : undefined,
  view.state === 'WRAP_UP' ? wrapUpPanel(view, context, callbacks) : undefined);
  return card;
}

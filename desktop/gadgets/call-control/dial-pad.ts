// The twelve keys of a phone: a dial pad for a new call (digits go into the number field) and the DTMF keypad of
// an active call (each key sends its tone at once).
import { h } from '../shared/dom.ts';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** `idPrefix` gives each key a stable id, so focus stays on a key across re-renders. */
export function keypad(label: string, onKey: (digit: string) => void, action: string, idPrefix: string): HTMLElement {
  return h('div', { class: 'keypad', role: 'group', 'aria-label': label },
    ...KEYS.map((digit, index) => h('button', {
      type: 'button', id: `${idPrefix}-${index}`, 'data-action': action, 'data-digit': digit, 'aria-label': `${label} ${digit}`,
      onclick: () => onKey(digit),
    }, digit)));
}

export interface MakeCallState { number: string; busy: boolean; padOpen: boolean }

/** Number field, dial pad and the Make call button, shown while the agent has no call. */
export function makeCallPanel(state: MakeCallState, onInput: (number: string) => void, onCall: () => void,
                              onTogglePad: () => void): HTMLElement {
  const input = h('input', {
    id: 'make-call-number', type: 'tel', inputmode: 'tel', autocomplete: 'off', value: state.number,
    oninput: (event) => onInput((event.target as HTMLInputElement).value),
  });
  const form = h('form', {
    class: 'make-call', 'aria-label': 'Make a call',
    onsubmit: (event) => { event.preventDefault(); onCall(); },
  },
  h('div', { class: 'poise-row' },
    h('label', {}, 'Number to call', input),
    h('button', { type: 'submit', class: 'primary', id: 'make-call', 'data-action': 'MAKE_CALL', disabled: state.busy || state.number.trim() === '' }, 'Call'),
    h('button', { type: 'button', id: 'dial-pad-toggle', 'data-action': 'DIAL_PAD', 'aria-expanded': String(state.padOpen), 'aria-controls': 'dial-pad',
      onclick: onTogglePad }, 'Dial pad')),
  state.padOpen ? h('div', { id: 'dial-pad' }, keypad('Dial', (digit) => onInput(`${state.number}${digit}`), 'DIAL_DIGIT', 'dial-key')) : undefined);
  return form;
}

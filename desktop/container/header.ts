// The desktop header (desktop-and-gadgets.md §1): title and logo from the layout's configs, the agent's state with
// its colour and the time in it, the state menu (READY, NOT_READY with each reason code), the user's name and
// extension, and sign-out with the logout reason codes.
import { canChooseState, formatDuration, stateTone, stateWords } from './agent-state.ts';
import { h } from './dom.ts';
import type { FinesseUser, ReasonCode } from './finesse-api.ts';
import { requestErrorWords } from './reason-codes.ts';

export interface HeaderOptions {
  title: string;
  logo: string | undefined;
  user: FinesseUser;
  extension: string;
  notReadyReasons: ReasonCode[];
  logoutReasons: ReasonCode[];
  /** After the LOGOUT request was accepted. */
  onSignedOut: () => void;
  /** Sends the client log; resolves true when the server took it. */
  sendLog: () => Promise<boolean>;
}

export interface DesktopHeader {
  element: HTMLElement;
  /** Redraws the state from the user object (on a User notification). */
  refresh(): void;
  /** Advances the time in state (on the timer tick). */
  tick(): void;
}

const NOT_READY_PREFIX = 'NOT_READY:';

export function buildHeader(options: HeaderOptions): DesktopHeader {
  const { user } = options;
  const stateWordsEl = h('span', { class: 'state-words', id: 'agent-state' });
  const reasonEl = h('span', { class: 'state-reason', id: 'agent-state-reason' });
  const timerEl = h('span', { class: 'state-timer', id: 'agent-state-timer', 'aria-label': 'Time in state' });
  const pill = h('div', { class: 'state-pill', id: 'agent-state-pill' }, h('span', { class: 'state-dot', 'aria-hidden': 'true' }),
    stateWordsEl, reasonEl, timerEl);
  const announcer = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', id: 'agent-state-announcer' });
  const select = h('select', { id: 'state-select', 'aria-label': 'Change your state' });
  const stateError = h('p', { class: 'header-error', id: 'state-error', role: 'alert', hidden: true });
  const signOut = h('button', { type: 'button', id: 'sign-out', class: 'quiet' }, 'Sign Out');
  const sendLog = h('button', { type: 'button', id: 'send-log', class: 'quiet', title: 'Send the desktop log to support' }, 'Send Log');
  const logStatus = h('span', { class: 'log-status', id: 'send-log-status', role: 'status' });
  const name = [user.getFirstName(), user.getLastName()].filter(Boolean).join(' ') || user.getId();

  const element = h('header', { class: 'desktop-header' },
    h('div', { class: 'header-brand' },
      options.logo ? h('img', { class: 'header-logo', src: options.logo, alt: '' }) : null,
      h('span', { class: 'header-title' }, options.title)),
    h('div', { class: 'header-state' }, pill, select, announcer, stateError),
    h('div', { class: 'header-identity' },
      h('span', { class: 'identity-name', id: 'identity-name' }, name),
      h('span', { class: 'identity-extension', id: 'identity-extension' }, `Ext. ${options.extension}`),
      logStatus, sendLog, signOut));

  let shownState = '';
  let seenAt = Date.now();

  const fillMenu = (state: string) => {
    const choices: Array<[string, string]> = [['', 'Change state…']];
    if (state !== 'READY') choices.push(['READY', 'Ready']);
    if (options.notReadyReasons.length === 0) choices.push(['NOT_READY', 'Not Ready']);
    for (const reason of options.notReadyReasons) choices.push([`${NOT_READY_PREFIX}${reason.id}`, `Not Ready – ${reason.label}`]);
    select.replaceChildren(...choices.map(([value, label]) => h('option', { value }, label)));
    select.value = '';
    select.disabled = !canChooseState(state);
  };

  const since = (): number => {
    const parsed = Date.parse(user.getStateChangeTime());
    return Number.isFinite(parsed) ? parsed : seenAt;
  };

  const tick = () => { timerEl.textContent = formatDuration(Date.now() - since()); };

  const refresh = () => {
    const state = user.getState();
    const reason = state === 'NOT_READY' ? user.getReasonCodeLabel() : '';
    pill.dataset.tone = stateTone(state);
    stateWordsEl.textContent = stateWords(state);
    reasonEl.textContent = reason ? `– ${reason}` : '';
    if (state !== shownState) {
      seenAt = Date.now();
      shownState = state;
      announcer.textContent = `Your state is ${stateWords(state)}${reason ? `, ${reason}` : ''}.`;
      fillMenu(state);
    }
    tick();
  };

  select.addEventListener('change', () => {
    const value = select.value;
    if (!value) return;
    stateError.hidden = true;
    const reasonId = value.startsWith(NOT_READY_PREFIX) ? value.slice(NOT_READY_PREFIX.length) : undefined;
    const state = reasonId === undefined ? value : 'NOT_READY';
    select.disabled = true;
    user.setState(state, reasonId === undefined ? undefined : { id: reasonId }, {
      success: () => { select.value = ''; select.disabled = !canChooseState(user.getState()); },
      error: (response) => {
        stateError.textContent = `Your state was not changed: ${requestErrorWords(response)}.`;
        stateError.hidden = false;
        select.value = '';
        select.disabled = !canChooseState(user.getState());
      },
    });
  });

  sendLog.addEventListener('click', () => {
    sendLog.disabled = true;
    logStatus.textContent = 'Sending…';
    void options.sendLog().then((sent) => {
      sendLog.disabled = false;
      logStatus.textContent = sent ? 'Log sent.' : 'The log could not be sent.';
    });
  });

  signOut.addEventListener('click', () => {
    if (options.logoutReasons.length === 0) return requestLogout(undefined);
    chooseLogoutReason(element, options.logoutReasons, requestLogout);
  });

  function requestLogout(reasonId: string | undefined): void {
    signOut.disabled = true;
    stateError.hidden = true;
    user.logout(reasonId === undefined ? undefined : { id: reasonId }, {
      success: () => options.onSignedOut(),
      error: (response) => {
        signOut.disabled = false;
        stateError.textContent = `You are still signed in: ${requestErrorWords(response)}.`;
        stateError.hidden = false;
      },
    });
  }

  refresh();
  return { element, refresh, tick };
}

/** A small modal asking for the logout reason; Cancel or Escape leaves the user signed in. */
function chooseLogoutReason(parent: HTMLElement, reasons: ReasonCode[], onChosen: (reasonId: string) => void): void {
  const select = h('select', { id: 'logout-reason', 'aria-label': 'Reason for signing out' },
    ...reasons.map((reason) => h('option', { value: reason.id }, reason.label)));
  const confirm = h('button', { type: 'submit', class: 'primary', id: 'logout-confirm' }, 'Sign Out');
  const cancel = h('button', { type: 'button', id: 'logout-cancel' }, 'Cancel');
  const dialog = h('dialog', { class: 'container-dialog', 'aria-labelledby': 'logout-title' },
    h('form', { method: 'dialog' },
      h('h2', { id: 'logout-title' }, 'Sign out'),
      h('label', { for: 'logout-reason' }, 'Reason'), select,
      h('div', { class: 'dialog-buttons' }, cancel, confirm)));
  cancel.addEventListener('click', () => dialog.close());
  confirm.addEventListener('click', () => onChosen(select.value));
  dialog.addEventListener('close', () => dialog.remove());
  parent.append(dialog);
  dialog.showModal();
}

// The call control gadget (desktop-and-gadgets.md §2, /desktop/scripts/js/callcontrol.js): the agent's calls from
// user.getDialogs(), each with the buttons its state allows, a dial pad when idle, wrap-up reasons in WORK.
// Written against the public finesse.js API only, as a customer gadget would be.
import '../shared/gadget.css';
import './call-control.css';
import { text } from '../shared/data.ts';
import { h, replaceContent } from '../shared/dom.ts';
import { describeFailure } from '../shared/errors.ts';
import type { Dialog, RequestHandlers, RestCollection, RestObject } from '../shared/finesse-api.ts';
import { bootGadget, type GadgetSession } from '../shared/gadget-boot.ts';
import { parseTime } from '../shared/time.ts';
import { tickDurations } from '../shared/ticker.ts';
import { dialogCard, type CardInput } from './dialog-card.ts';
import { makeCallPanel } from './dial-pad.ts';
import { layoutEntries, layoutForCall, layoutsByName, type LayoutEntry } from '../shared/media-layout.ts';
import { dialogView } from './dialog-view.ts';

const WHAT: Record<string, string> = {
  ANSWER: 'Could not answer the call', HOLD: 'Could not hold the call', RETRIEVE: 'Could not retrieve the call',
  DROP: 'Could not end the call', CONSULT_CALL: 'Could not start the consult call', TRANSFER: 'Could not transfer the call',
  CONFERENCE: 'Could not start the conference', SEND_DTMF: 'Could not send the tone', MAKE_CALL: 'Could not make the call',
  UPDATE_CALL_DATA: 'Could not save the wrap-up reason', READY: 'Could not end wrap-up',
};

class CallControl {
  readonly #session: GadgetSession;
  readonly #announcer = h('div', { class: 'poise-sr-only', 'aria-live': 'assertive', role: 'status' });
  readonly #watched = new WeakSet<Dialog>();
  readonly #inputs = new Map<string, CardInput>();
  /** `dialogId:action` (or `:action` for the user) while a request is on its way. */
  readonly #busy = new Set<string>();
  readonly #announced = new Set<string>();
  #dialogs: RestCollection<Dialog> | undefined;
  #layout: LayoutEntry[] | undefined;
  #layouts: ReadonlyMap<string, LayoutEntry[]> = new Map();
  #wrapUpReasons: string[] = [];
  #dialNumber = '';
  #dialPadOpen = false;
  #error = '';

  constructor(session: GadgetSession) {
    this.#session = session;
    document.body.append(this.#announcer);
    const { user } = session;
    this.#dialogs = user.getDialogs({
      onLoad: (dialogs) => { this.#dialogs = dialogs; this.render(); },
      onCollectionAdd: () => this.render(),
      onCollectionDelete: () => this.render(),
      onChange: () => this.render(),
    });
    user.getMediaPropertiesLayout({
      onLoad: (layout: RestObject) => { this.#layout = layoutEntries(layout); this.render(); },
      onError: () => { this.#layout = undefined; },
    });
    user.getMediaPropertiesLayouts({ onLoad: (layouts) => { this.#layouts = layoutsByName(layouts); this.render(); } });
    user.getWrapUpReasons({
      onLoad: (reasons) => {
        this.#wrapUpReasons = Object.values(reasons.getCollection()).map((r) => text(r.getData(), 'label')).filter(Boolean);
        this.render();
      },
    });
    tickDurations(session.root, session.serverNow);
    this.render();
  }

  #currentDialogs(): Dialog[] {
    const all = Object.values(this.#dialogs?.getCollection() ?? {});
    for (const dialog of all) {
      if (this.#watched.has(dialog)) continue;
      this.#watched.add(dialog);
      dialog.addHandler('change', () => this.render());
    }
    return all.sort((a, b) => a.getId().localeCompare(b.getId(), 'en', { numeric: true }));
  }

  #input(dialogId: string): CardInput {
    let input = this.#inputs.get(dialogId);
    if (!input) {
      input = { consultNumber: '', keypadOpen: false, wrapUpReason: '' };
      this.#inputs.set(dialogId, input);
    }
    return input;
  }

  #handlers(key: string, action: string, after?: () => void): RequestHandlers {
    this.#busy.add(key);
    this.#error = '';
    return {
      success: () => { this.#busy.delete(key); after?.(); this.render(); },
      error: (rsp) => {
        this.#busy.delete(key);
        this.#error = describeFailure(WHAT[action] ?? 'The request failed', rsp);
        this.render();
      },
    };
  }

  #act(dialog: Dialog, action: string, argument?: string): void {
    const extension = this.#session.user.getExtension();
    const handlers = this.#handlers(`${dialog.getId()}:${action}`, action);
    switch (action) {
      case 'CONSULT_CALL':
        if (argument) dialog.makeConsultCall(extension, argument, handlers);
        break;
      case 'SEND_DTMF':
        if (argument) dialog.sendDTMFRequest(extension, handlers, argument);
        break;
      case 'UPDATE_CALL_DATA':
        if (argument) dialog.updateWrapUpReason(argument, handlers);
        break;
      case 'READY':
        this.#session.user.setState('READY', undefined, handlers);
        break;
      default:
        dialog.requestAction(extension, action, handlers);
    }
    this.render();
  }

  #makeCall(): void {
    const number = this.#dialNumber.trim();
    if (!number) return;
    this.#session.user.makeCall(number, this.#handlers(':MAKE_CALL', 'MAKE_CALL', () => { this.#dialNumber = ''; }));
    this.render();
  }

  #announce(dialogs: ReturnType<typeof dialogView>[]): void {
    for (const view of dialogs) {
      if (view.state !== 'ALERTING' || this.#announced.has(view.id)) continue;
      this.#announced.add(view.id);
      this.#announcer.textContent = `Incoming call from ${view.otherParty}`;
    }
  }

  render(): void {
    const { user, root, serverNow } = this.#session;
    const extension = user.getExtension();
    const layoutOf = (d: Dialog) => layoutForCall(d.getMediaProperties() ?? {}, this.#layouts, this.#layout);
    const views = this.#currentDialogs().map((d) => ({ dialog: d, view: dialogView(d, extension, layoutOf(d)) }))
      .filter(({ view }) => view.state !== 'DROPPED');
    this.#announce(views.map((v) => v.view));
    for (const id of this.#inputs.keys()) if (!views.some((v) => v.view.id === id)) this.#inputs.delete(id);
    const now = serverNow();
    const workSince = user.getState() === 'WORK' || user.getState() === 'WORK_READY'
      ? parseTime(user.getStateChangeTime()) : undefined;
    const cards = views.map(({ dialog, view }) => {
      const busy = new Set([...this.#busy].filter((k) => k.startsWith(`${view.id}:`)).map((k) => k.slice(view.id.length + 1)));
      return dialogCard(view, { input: this.#input(view.id), busy, wrapUpReasons: this.#wrapUpReasons, workSince, now }, {
        act: (action, argument) => this.#act(dialog, action, argument),
        input: (change) => { Object.assign(this.#input(view.id), change); this.render(); },
      });
    });
    replaceContent(root, [
      h('h2', { class: 'poise-sr-only' }, 'Call control'),
      this.#error ? h('p', { class: 'poise-error', role: 'alert' }, this.#error) : undefined,
      cards.length > 0 ? h('div', { class: 'call-list' }, ...cards) : h('p', { class: 'poise-muted idle' }, 'No calls.'),
      cards.length === 0 ? makeCallPanel({ number: this.#dialNumber, busy: this.#busy.has(':MAKE_CALL'), padOpen: this.#dialPadOpen },
        (number) => { this.#dialNumber = number; this.render(); }, () => this.#makeCall(),
        () => { this.#dialPadOpen = !this.#dialPadOpen; this.render(); }) : undefined,
    ]);
    this.#session.resize();
  }
}

let control: CallControl | undefined;
bootGadget({
  onUserLoad: (session) => { control = new CallControl(session); },
  onUserChange: () => control?.render(),
});

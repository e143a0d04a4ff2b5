// Every `<Update>` an XMPP desktop receives, decoded once (notifications.md §4), so a test can wait for the one it
// expects by node, event and requestId and read it as XML.
import type { XmppClient } from '@xmpp/client';
import type { Element } from 'ltx';
import { parseXml } from '../../src/shared/xml/index.ts';

export interface ReceivedUpdate {
  readonly node: string;
  readonly event: string;
  readonly requestId: string;
  readonly source: string;
  /** The child of `<data>`: user, dialog, dialogs, apiErrors. */
  readonly data: Element;
  readonly text: string;
}

export interface UpdateFeed {
  readonly received: readonly ReceivedUpdate[];
  /** The first update not taken yet that matches; taken updates are not matched again. */
  next(match: (u: ReceivedUpdate) => boolean): Promise<ReceivedUpdate>;
}

export function updateFeed(xmpp: XmppClient): UpdateFeed {
  const received: ReceivedUpdate[] = [];
  const taken = new Set<ReceivedUpdate>();
  const waiters = new Set<{ match: (u: ReceivedUpdate) => boolean; resolve: (u: ReceivedUpdate) => void }>();
  xmpp.on('stanza', (stanza: Element) => {
    const items = stanza.is('message') ? stanza.getChild('event')?.getChild('items') : undefined;
    const text = items?.getChild('item')?.getChild('notification')?.getText();
    if (!items || text === undefined) return;
    const update = decodeUpdate(String(items.attrs.node), text);
    received.push(update);
    for (const waiter of waiters) {
      if (!waiter.match(update)) continue;
      waiters.delete(waiter);
      taken.add(update);
      waiter.resolve(update);
      return;
    }
  });
  return {
    received,
    next(match) {
      const found = received.find((u) => !taken.has(u) && match(u));
      if (found) {
        taken.add(found);
        return Promise.resolve(found);
      }
      return new Promise((resolve) => waiters.add({ match, resolve }));
    },
  };
}

/** One notification's `<Update>` text (unescaped once), read as XML; throws when it is not an Update. */
export function decodeUpdate(node: string, text: string): ReceivedUpdate {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(`notification is not XML: ${text}`);
  const root = parsed.root;
  const data = root.getChild('data')?.getChildElements()[0];
  if (!data) throw new Error(`notification without data: ${text}`);
  return {
    node, event: root.getChildText('event') ?? '', requestId: root.getChildText('requestId') ?? '',
    source: root.getChildText('source') ?? '', data, text,
  };
}

/** The Dialog element of a Dialogs-node update: `dialog` (PUT) or `dialogs/Dialog` (POST, DELETE). */
export function dialogOf(update: ReceivedUpdate): Element {
  const dialog = update.data.getName() === 'dialogs' ? update.data.getChild('Dialog') : update.data;
  if (!dialog) throw new Error(`no Dialog in ${update.text}`);
  return dialog;
}

/** `mediaAddress state` of each participant, in order, with the actions of agents. */
export function participantsOf(dialog: Element): string[] {
  return (dialog.getChild('participants')?.getChildren('Participant') ?? []).map((p) => {
    const actions = p.getChild('actions')?.getChildren('action').map((a) => a.getText()) ?? [];
    return [p.getChildText('mediaAddress'), p.getChildText('state'), ...(actions.length ? [`[${actions.join(' ')}]`] : [])].join(' ');
  });
}

export function callVariablesOf(dialog: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of dialog.getChild('mediaProperties')?.getChild('callvariables')?.getChildren('CallVariable') ?? []) {
    out[v.getChildText('name') ?? ''] = v.getChildText('value') ?? '';
  }
  return out;
}

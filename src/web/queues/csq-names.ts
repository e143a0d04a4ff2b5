// The CSQs' names as the engine tells them over CTI (cti.md §8.1): after each new active session, CONFIG_REQUEST_EVENT
// for the CSQs; the CONFIG_CSQ_EVENTs between the initial CONFIG_BEGIN_EVENT and its CONFIG_END_EVENT build a fresh
// set that replaces the old one whole (so a reconnect rebuilds it), and update blocks change it in place. A Dialog's
// queueName is read from here (cti-to-finesse.md §1.1).
import type { Logger } from '../../shared/logger.ts';
import { Service, type CtiMessage } from '../../engine/cti/codec/index.ts';
import type { CtiConnection } from '../cti-client/index.ts';

/** Codes as the engine sends them (src/engine/cti/config-records.ts, config-messages.ts). */
const CSQ_MASK = 0x2;
const CONFIG_INITIAL = 1;
const RECORD_DELETE = 2;
const END_OK = 0;
const END_EMPTY = 4;

export class CsqNames {
  #names = new Map<number, string>();
  /** Between the initial BEGIN for the CSQs and its END: the set being built. */
  #staging: Map<number, string> | undefined;
  readonly #log: Logger;
  /** Complete sets read so far; tests wait on it. */
  rebuilds = 0;
  #built: { count: number; resolve: () => void }[] = [];

  constructor(options: { cti: CtiConnection | undefined; log: Logger }) {
    this.#log = options.log;
    const cti = options.cti;
    if (!cti) return;
    cti.onEvent((message) => this.apply(message));
    cti.onOpen(() => {
      if ((cti.servicesGranted & Service.CONFIG_EVENTS) === 0) {
        this.#log.warn('the engine did not grant CONFIG_EVENTS: dialogs carry no queueName');
        return;
      }
      cti.post({ type: 'CONFIG_REQUEST_EVENT', configurationMask: CSQ_MASK, reserved: 0 });
    });
  }

  /** The CSQ's name; undefined when the engine has not named it. */
  nameOf(csqId: number): string | undefined { return this.#names.get(csqId); }

  /** Resolves once the CSQs have been read from the engine `count` times in all (at once if they have). */
  whenBuilt(count = 1): Promise<void> {
    if (this.rebuilds >= count) return Promise.resolve();
    return new Promise((resolve) => this.#built.push({ count, resolve }));
  }

  /** One configuration event; anything else is ignored. */
  apply(message: CtiMessage): void {
    switch (message.type) {
      case 'CONFIG_BEGIN_EVENT':
        if (message.configType === CONFIG_INITIAL && (message.configurationMask & CSQ_MASK) !== 0) this.#staging = new Map();
        return;
      case 'CONFIG_CSQ_EVENT': {
        const target = this.#staging ?? this.#names;
        for (const record of message.records ?? []) {
          if (record.csqId === undefined) continue;
          if (record.recordType === RECORD_DELETE) target.delete(record.csqId);
          else if (record.name !== undefined) target.set(record.csqId, record.name);
        }
        return;
      }
      case 'CONFIG_END_EVENT': {
        const staged = this.#staging;
        if (!staged) return;
        this.#staging = undefined;
        if (message.status !== END_OK && message.status !== END_EMPTY) {
          this.#log.warn({ status: message.status, text: message.text }, 'the engine sent no CSQ configuration');
          return;
        }
        this.#names = staged;
        this.rebuilds++;
        this.#log.info({ csqs: staged.size }, 'CSQ names read from the engine');
        const due = this.#built.filter((w) => w.count <= this.rebuilds);
        this.#built = this.#built.filter((w) => w.count > this.rebuilds);
        for (const waiter of due) waiter.resolve();
        return;
      }
      default:
    }
  }
}

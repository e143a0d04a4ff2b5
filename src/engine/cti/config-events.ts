// The UCCX configuration messages on the CTI server (cti.md §8.1): CONFIG_REQUEST_KEY_EVENT and CONFIG_REQUEST_EVENT
// from sessions granted CONFIG_EVENTS, and after each configuration change an update block to every session that
// sent CONFIG_REQUEST_EVENT. Keeps the last snapshot; the records and messages are built by pure functions.
import type { Engine } from '../engine.ts';
import { CtiStatus, Service, type CtiMessage, type CtiMessageOf } from './codec/index.ts';
import { configChanges, configKeyEvent, configUpdateBlock, initialConfigEvents } from './config-messages.ts';
import { configSnapshot, type ConfigSnapshot } from './config-records.ts';
import type { SessionMasks } from './session.ts';

export type ConfigRequest = CtiMessageOf<'CONFIG_REQUEST_KEY_EVENT' | 'CONFIG_REQUEST_EVENT'>;

export function isConfigRequest(message: CtiMessage): message is ConfigRequest {
  return message.type === 'CONFIG_REQUEST_KEY_EVENT' || message.type === 'CONFIG_REQUEST_EVENT';
}

/** What this needs of a session. */
export interface ConfigSession {
  readonly masks: SessionMasks | undefined;
  readonly isOpen: boolean;
  send(message: CtiMessage): void;
}

export function engineConfigSnapshot(engine: Engine): ConfigSnapshot {
  const agents = [...engine.resources.agents()].map((a) => ({ ...a, csqIds: engine.router.csqsOf(a.resource.userId) }));
  return configSnapshot(engine.config(), agents);
}

export class ConfigEvents {
  readonly #engine: Engine;
  #snapshot: ConfigSnapshot;
  /** Sessions that sent CONFIG_REQUEST_EVENT: they get the update blocks. */
  readonly #listeners = new Set<ConfigSession>();
  readonly #unsubscribe: () => void;

  constructor(engine: Engine) {
    this.#engine = engine;
    this.#snapshot = engineConfigSnapshot(engine);
    this.#unsubscribe = engine.onReload(() => this.#changed());
  }

  /**
   * Neither request carries an InvokeID, so a session without CONFIG_EVENTS gets FAILURE_EVENT 12 (the §9.2 form for
   * a refusal with no InvokeID to echo) and keeps its session.
   */
  request(session: ConfigSession, message: ConfigRequest): void {
    const masks = session.masks;
    if (!masks || (masks.services & Service.CONFIG_EVENTS) === 0) {
      session.send({ type: 'FAILURE_EVENT', status: CtiStatus.FUNCTION_NOT_AVAILABLE, text: 'CONFIG_EVENTS service not granted' });
      return;
    }
    const allowed = masks.configMsgMask ?? 0;
    if (message.type === 'CONFIG_REQUEST_KEY_EVENT') {
      session.send(configKeyEvent(this.#snapshot, allowed));
      return;
    }
    for (const event of initialConfigEvents(this.#snapshot, message.configurationMask, allowed)) session.send(event);
    this.#listeners.add(session);
  }

  forget(session: ConfigSession): void { this.#listeners.delete(session); }

  close(): void {
    this.#unsubscribe();
    this.#listeners.clear();
  }

  #changed(): void {
    const after = engineConfigSnapshot(this.#engine);
    const changes = configChanges(this.#snapshot, after);
    this.#snapshot = after;
    if (changes.size === 0) return;
    for (const session of this.#listeners) {
      if (!session.isOpen) continue;
      for (const event of configUpdateBlock(changes, after, session.masks?.configMsgMask ?? 0)) session.send(event);
    }
  }
}

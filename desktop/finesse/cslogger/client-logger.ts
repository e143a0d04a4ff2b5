// finesse.cslogger.ClientLogger (desktop-and-gadgets.md §5): a gadget's log lines, published on
// `finesse.clientLogging.<gadgetName>` for the desktop to collect.
import type { GadgetsHub } from '../host.ts';
import { gadgetsHub } from '../host.ts';

class ClientLoggerImpl {
  #hub?: GadgetsHub;
  #topic = 'finesse.clientLogging.gadget';

  init(hub: GadgetsHub | undefined, gadgetName: string, _config?: unknown): this {
    this.#hub = hub ?? gadgetsHub();
    this.#topic = `finesse.clientLogging.${(gadgetName || 'gadget').replaceAll(/[.*\s]+/g, '_')}`;
    return this;
  }

  log(message: unknown): void {
    const line = `${new Date().toISOString()}: ${typeof message === 'string' ? message : JSON.stringify(message)}`;
    try {
      (this.#hub ?? gadgetsHub()).publish(this.#topic, line);
    } catch {
      console.log(line); // no hub yet: the line still goes somewhere
    }
  }
}

export const ClientLogger = new ClientLoggerImpl();

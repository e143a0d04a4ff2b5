// The `gadgets` namespace (desktop-and-gadgets.md §3.1), the same in a gadget iframe (main.ts) and on the
// container page (globals.ts); only the hub client and the way to reach the container differ.
import type { HubClient } from '../hub/index.ts';
import { gadgetsLoadingIndicator, gadgetsViews, gadgetsWindow } from './gadget-window.ts';
import { gadgetsIo } from './io.ts';
import type { GadgetPageConfig } from './page-config.ts';
import { prefsClass } from './prefs.ts';
import { gadgetsJson, gadgetsUtil } from './util.ts';

export interface RuntimeEnvironment {
  config: GadgetPageConfig;
  hub: HubClient;
  /** A gadgets.rpc call to the container. */
  callContainer(service: string, args: unknown[]): void;
}

type RpcHandler = (...args: unknown[]) => unknown;

export interface HubSettings {
  params: Record<string, unknown>;
  onConnect: ((hub: HubClient, success: boolean, error?: string) => void) | null;
}

export function gadgetsNamespace(env: RuntimeEnvironment) {
  const { config } = env;
  const rpcHandlers = new Map<string, RpcHandler>();
  const util = gadgetsUtil(config.features, location);
  const hubSettings: HubSettings = { params: {}, onConnect: null };
  const prefStore = {
    values: { ...config.prefs }, messages: config.messages, moduleId: config.mid, lang: config.lang, country: config.country,
    canSet: Object.hasOwn(config.features, 'setprefs'),
    persist: (name: string, value: string) => env.callContainer('set_pref', [null, name, value]),
  };
  return {
    Hub: env.hub,
    HubSettings: hubSettings,
    Prefs: prefsClass(prefStore),
    io: gadgetsIo(() => config.specUrl),
    json: gadgetsJson,
    util,
    window: gadgetsWindow(env.callContainer),
    views: gadgetsViews(config.view, config.views, env.callContainer, () => {
      const raw = util.getUrlParameters()['view-params'];
      const parsed = raw ? gadgetsJson.parse(raw) : {};
      return typeof parsed === 'object' && parsed !== null ? parsed as Record<string, unknown> : {};
    }),
    loadingindicator: gadgetsLoadingIndicator(env.callContainer),
    config: {
      init(): void { /* configuration comes from the page */ },
      register(): void { /* features are built in */ },
      get: (feature?: string): Record<string, unknown> => (feature ? config.features[feature] ?? {} : config.features),
    },
    /** gadgets.rpc, enough for gadgets that call the container's services directly. */
    rpc: {
      register(service: string, handler: RpcHandler): void { rpcHandlers.set(service, handler); },
      unregister(service: string): void { rpcHandlers.delete(service); },
      call(target: string | null, service: string, callback: ((result: unknown) => void) | null, ...args: unknown[]): void {
        if (target !== null && target !== '' && target !== '..') return;   // only the container is reachable
        env.callContainer(service, args);
        if (typeof callback === 'function') setTimeout(() => callback(undefined), 0);
      },
      /** @internal a call made by the container */
      dispatch(service: string, args: unknown[]): void { rpcHandlers.get(service)?.(...args); },
    },
  };
}

export type GadgetsNamespace = ReturnType<typeof gadgetsNamespace>;

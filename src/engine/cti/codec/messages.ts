// The CTI message set as one discriminated union on `type`, and the layout of each message by number and name.
import type { Layout, MessageOf } from './layout.ts';
import { AGENT_LAYOUTS } from './layouts/agent.ts';
import { CALL_CONTROL_LAYOUTS } from './layouts/call-control.ts';
import { CALL_EVENT_LAYOUTS } from './layouts/call-events.ts';
import { CONFIGURATION_LAYOUTS } from './layouts/configuration.ts';
import { SESSION_LAYOUTS } from './layouts/session.ts';
import { STATISTICS_LAYOUTS } from './layouts/statistics.ts';

export const LAYOUTS = [
  ...SESSION_LAYOUTS, ...AGENT_LAYOUTS, ...CALL_EVENT_LAYOUTS, ...CALL_CONTROL_LAYOUTS, ...CONFIGURATION_LAYOUTS,
  ...STATISTICS_LAYOUTS,
] as const;

type AnyLayout = (typeof LAYOUTS)[number];
type Distribute<L> = L extends Layout ? MessageOf<L> : never;

/** Every message Poise sends or receives (cti.md §3). */
export type CtiMessage = Distribute<AnyLayout>;
export type CtiMessageName = CtiMessage['type'];
export type CtiMessageOf<T extends CtiMessageName> = Extract<CtiMessage, { type: T }>;

export const LAYOUT_BY_CODE: ReadonlyMap<number, Layout> = new Map(LAYOUTS.map((l) => [l.code, l]));
export const LAYOUT_BY_NAME: ReadonlyMap<string, Layout> = new Map(LAYOUTS.map((l) => [l.type, l]));

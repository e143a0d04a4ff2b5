// Every REST resource plugin, one Finesse resource each (STYLE.md, module boundaries).
import type { FastifyPluginAsync } from 'fastify';
import type { RestContext } from './context.ts';
import { clientLogPlugin } from './client-log.ts';
import { contactPlugin } from './contact.ts';
import { dialogPlugin } from './dialog.ts';
import { phoneBookPlugin } from './phone-book.ts';
import { queuePlugin } from './queue.ts';
import { layoutConfigPlugin } from './layout-config.ts';
import { mediaPropertiesLayoutPlugin } from './media-properties-layout.ts';
import { reasonCodePlugin } from './reason-code.ts';
import { systemInfoPlugin } from './system-info.ts';
import { teamPlugin } from './team.ts';
import { teamAssignmentPlugin } from './team-assignment.ts';
import { teamLayoutConfigPlugin } from './team-layout-config.ts';
import { teamMessagePlugin } from './team-message.ts';
import { teamResourcePlugin } from './team-resource.ts';
import { userPlugin } from './user.ts';
import { workflowPlugin } from './workflow.ts';
import { workflowActionPlugin } from './workflow-action.ts';
import { wrapUpReasonPlugin } from './wrap-up-reason.ts';

export const REST_RESOURCES: readonly FastifyPluginAsync<RestContext>[] = [
  systemInfoPlugin, reasonCodePlugin, wrapUpReasonPlugin, layoutConfigPlugin, clientLogPlugin,
  phoneBookPlugin, contactPlugin, mediaPropertiesLayoutPlugin, workflowActionPlugin, workflowPlugin, userPlugin,
  dialogPlugin,
  queuePlugin,
  teamPlugin,
  teamResourcePlugin,
  teamLayoutConfigPlugin,
  teamAssignmentPlugin,
  teamMessagePlugin,
];

// The `finesse` namespace as gadgets see it (desktop-and-gadgets.md §5), assembled from the modules.
import { ClientServices } from './clientservices/client-services.ts';
import { initBosh, setFailoverMode, type BoshOptions } from './clientservices/master-mode.ts';
import { ContainerServices } from './containerservices/container-services.ts';
import {
  GadgetViewChangedEvent, MaxAvailableHeightChangedEvent, TimerTickEvent, WorkflowActionEvent,
} from './containerservices/events.ts';
import { ClientLogger } from './cslogger/client-logger.ts';
import {
  Contact, Contacts, LayoutConfig, MediaPropertiesLayout, MediaPropertiesLayouts, PhoneBook, PhoneBooks, ReasonCode,
  ReasonCodes, TeamLayoutConfig, Workflow, WorkflowAction, WorkflowActions, Workflows, WrapUpReason, WrapUpReasons,
} from './restservices/configuration.ts';
import { Dialog, Dialogs } from './restservices/dialog.ts';
import { Media, MediaList } from './restservices/media.ts';
import { Queue, Queues } from './restservices/queue.ts';
import { RestBase } from './restservices/rest-base.ts';
import { RestCollectionBase } from './restservices/rest-collection.ts';
import { SystemInfo } from './restservices/system-info.ts';
import { Team, Teams, TeamUsers } from './restservices/team.ts';
import { User } from './restservices/user.ts';
import { Users } from './restservices/users.ts';
import { Utilities } from './utilities/utilities.ts';

export const clientservices = {
  ClientServices: Object.assign(ClientServices, {
    initBosh: (options: BoshOptions) => initBosh(options),
    setFailoverMode: (failing: boolean) => setFailoverMode(failing),
  }),
};

export const restservices = {
  RestBase, RestCollectionBase, User, Users, Dialog, Dialogs, Team, Teams, TeamUsers, Queue, Queues, SystemInfo, Media, MediaList,
  ReasonCode, ReasonCodes, WrapUpReason, WrapUpReasons, PhoneBook, PhoneBooks, Contact, Contacts, Workflow,
  Workflows, WorkflowAction, WorkflowActions, MediaPropertiesLayout, MediaPropertiesLayouts, LayoutConfig,
  TeamLayoutConfig,
};

export const containerservices = {
  ContainerServices, TimerTickEvent, GadgetViewChangedEvent, MaxAvailableHeightChangedEvent, WorkflowActionEvent,
};

export const cslogger = { ClientLogger };
export const utilities = { Utilities };

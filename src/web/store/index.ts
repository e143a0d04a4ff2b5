// The web service's configuration store: one repository per resource family over the `web` schema.
import type { Database } from '../../store/database.ts';
import { LayoutConfigRepository } from './layout-configs.ts';
import { MediaPropertiesLayoutRepository } from './media-properties-layouts.ts';
import { PhoneBookRepository } from './phone-books.ts';
import { ProxyAllowListRepository } from './proxy-allow-list.ts';
import { ReasonCodeRepository } from './reason-codes.ts';
import { TeamAssignmentRepository } from './team-assignments.ts';
import { TeamLayoutConfigRepository } from './team-layout-configs.ts';
import { TeamMessageRepository } from './team-messages.ts';
import { WorkflowRepository } from './workflows.ts';
import { WrapUpReasonRepository } from './wrap-up-reasons.ts';

export interface WebConfigStore {
  reasonCodes: ReasonCodeRepository;
  wrapUpReasons: WrapUpReasonRepository;
  phoneBooks: PhoneBookRepository;
  workflows: WorkflowRepository;
  mediaPropertiesLayouts: MediaPropertiesLayoutRepository;
  layoutConfigs: LayoutConfigRepository;
  teamLayoutConfigs: TeamLayoutConfigRepository;
  /** Team-only reason codes, wrap-up reasons, phone books and workflows, per team. */
  teamAssignments: TeamAssignmentRepository;
  teamMessages: TeamMessageRepository;
  proxyAllowList: ProxyAllowListRepository;
}

export function openWebConfigStore(db: Database): WebConfigStore {
  return {
    reasonCodes: new ReasonCodeRepository(db),
    wrapUpReasons: new WrapUpReasonRepository(db),
    phoneBooks: new PhoneBookRepository(db),
    workflows: new WorkflowRepository(db),
    mediaPropertiesLayouts: new MediaPropertiesLayoutRepository(db),
    layoutConfigs: new LayoutConfigRepository(db),
    teamLayoutConfigs: new TeamLayoutConfigRepository(db),
    teamAssignments: new TeamAssignmentRepository(db),
    teamMessages: new TeamMessageRepository(db),
    proxyAllowList: new ProxyAllowListRepository(db),
  };
}

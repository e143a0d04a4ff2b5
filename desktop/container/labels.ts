// Words for the resource-bundle keys a layout uses as tab labels (desktop-and-gadgets.md §2); anything else is
// shown as written.
const LABELS: Readonly<Record<string, string>> = {
  'finesse.container.tabs.agent.homeLabel': 'Home',
  'finesse.container.tabs.agent.manageCallLabel': 'Manage Call',
  'finesse.container.tabs.agent.myStatisticsLabel': 'My Statistics',
  'finesse.container.tabs.agent.myHistoryLabel': 'My History',
  'finesse.container.tabs.supervisor.homeLabel': 'Home',
  'finesse.container.tabs.supervisor.manageCallLabel': 'Manage Call',
  'finesse.container.tabs.supervisor.manageTeamLabel': 'Manage Team',
  'finesse.container.tabs.supervisor.teamDataLabel': 'Team Data',
  'finesse.container.tabs.supervisor.queueDataLabel': 'Queue Data',
};

export const labelText = (key: string): string => LABELS[key] ?? key;

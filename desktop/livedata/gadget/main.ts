// The Live Data gadget (bundle `livedata/gadget`): one report as a sortable grid, or the CSQ chart. One gadget of
// the desktop is elected master and keeps the Socket.IO connection; the others receive their rows from it over the
// hub (desktop-and-gadgets.md §6.3).
import '../gadget.css';
import { ChartView } from '../chart-view.ts';
import { columnsOf, REPORT_TITLES } from '../columns.ts';
import { CsqTrend } from '../csq-trend.ts';
import { gadgetSettings } from '../gadget-settings.ts';
import { GridView } from '../grid-view.ts';
import { TOPICS, feedTopic, type FeedMessage, type LivedataStatus, type SubscribeRequest } from '../hub-protocol.ts';
import { MasterElection } from '../master-election.ts';
import type { LiveRow, ReportView } from '../rows.ts';
import { SocketMaster } from '../socket-master.ts';
import { gadgetsApi } from './gadgets-api.ts';

const VIEW_LABELS: Record<ReportView, string> = { snapshot: 'Snapshot', shortLong: 'Short and long term', sinceMidnight: 'Since midnight' };
const STATUS_WORDS: Record<LivedataStatus['state'], string> = {
  connecting: 'Connecting…', live: 'Live', degraded: 'Statistics delayed: reconnecting to the source…',
  standby: 'Standby node', unavailable: 'Live Data is not available. Retrying…',
};

function start(): void {
  const gadgets = gadgetsApi();
  const page = new URLSearchParams(location.search);
  const mid = (page.get('mid') ?? '0').replaceAll(/[^\w-]/g, '') || '0';
  const specQuery = new URL(page.get('url') ?? '', location.href).searchParams;
  const prefs = new gadgets.Prefs();
  const settings = gadgetSettings(specQuery, (name) => prefs.getString(name));
  const title = settings.display === 'chart' ? 'Calls waiting and service level' : REPORT_TITLES[settings.report];
  gadgets.window?.setTitle?.(title);

  const root = document.createElement('section');
  root.className = 'ld-gadget';
  root.dataset.report = settings.report;
  const toolbar = document.createElement('div');
  toolbar.className = 'ld-toolbar';
  // The container's title bar names the gadget; the heading stays for screen readers.
  const heading = document.createElement('h2');
  heading.className = 'ld-visually-hidden';
  heading.textContent = title;
  const status = document.createElement('span');
  status.className = 'ld-status';
  status.setAttribute('role', 'status');
  status.textContent = STATUS_WORDS.connecting;
  toolbar.append(heading, status);
  const body = document.createElement('div');
  body.className = 'ld-body';
  root.append(toolbar, body);
  document.body.append(root);

  let view = settings.view;
  const csqReport = settings.report === 'voiceCsqSummary' || settings.report === 'agentCsqStatistics';
  if (csqReport && settings.display === 'grid') {
    const label = document.createElement('label');
    label.textContent = 'View ';
    const select = document.createElement('select');
    for (const [value, words] of Object.entries(VIEW_LABELS)) select.add(new Option(words, value, false, value === view));
    select.addEventListener('change', () => { view = select.value as ReportView; rebuildGrid(); subscribe(); });
    label.append(select);
    toolbar.append(label);
  }
  const refresh = document.createElement('button');
  refresh.type = 'button';
  refresh.textContent = 'Refresh';
  refresh.addEventListener('click', () => subscribe());
  toolbar.append(refresh);

  let fitScheduled = false;
  const fit = () => {
    if (fitScheduled) return;
    fitScheduled = true;
    setTimeout(() => { fitScheduled = false; gadgets.window?.adjustHeight?.(); }, 50);
  };
  let grid: GridView | undefined;
  const trend = settings.display === 'chart' ? new CsqTrend() : undefined;
  const chart = trend ? new ChartView(body, trend, settings.height - 90) : undefined;
  const rebuildGrid = () => {
    if (!trend) {
      body.replaceChildren();
      grid = new GridView(body, columnsOf(settings.report, view, {
        serviceLevelTargetPct: settings.serviceLevelTargetPct, longestWaitWarnMs: 30_000,
      }), title, fit);
    }
  };
  rebuildGrid();

  const chartRows = new Map<string, LiveRow>();
  let lastStatus: LivedataStatus = { state: 'connecting' };
  const onFeed = (message: FeedMessage) => {
    if (message.type === 'error') { status.textContent = message.message; status.dataset.state = 'error'; return; }
    if (message.type === 'snapshot' && status.dataset.state === 'error') onStatus(lastStatus);
    if (trend && chart) {
      if (message.type === 'snapshot') chartRows.clear();
      for (const row of message.type === 'snapshot' ? message.rows : message.upsert) chartRows.set(row.key, row);
      if (message.type === 'rows') for (const key of message.remove) chartRows.delete(key);
      trend.record(chartRows.values(), message.serverTime);
      chart.update();
      return;
    }
    if (message.type === 'snapshot') grid?.replaceAll(message.rows, message.serverTime);
    else grid?.apply(message.upsert, message.remove, message.serverTime);
  };
  const onStatus = (s: LivedataStatus) => {
    lastStatus = s;
    status.textContent = s.message ?? STATUS_WORDS[s.state] ?? s.state;
    status.dataset.state = s.state;
  };

  let master: SocketMaster | undefined;
  const request = (): SubscribeRequest => ({ type: 'subscribe', from: mid, report: settings.report, view: trend ? 'snapshot' : view,
    ...(settings.filter ? { filter: settings.filter } : {}) });
  const subscribe = () => {
    if (master) master.handle(request());
    else gadgets.Hub.publish(TOPICS.requests, request());
  };
  gadgets.Hub.subscribe(feedTopic(mid), (_topic, data) => onFeed(data as FeedMessage));
  gadgets.Hub.subscribe(TOPICS.status, (_topic, data) => onStatus(data as LivedataStatus));
  const election = new MasterElection({
    hub: gadgets.Hub, mid,
    onMaster: (masterMid) => {
      if (masterMid === mid && !master) {
        master = new SocketMaster({
          hub: gadgets.Hub, mid, origin: location.origin, authorization: authorization(prefs), onOwnFeed: onFeed, onOwnStatus: onStatus,
        });
      }
      subscribe();
    },
  });
  election.start();
  root.dataset.mid = mid;
  // The frame follows the content: rows coming and going, the chart drawn, the tab shown (a hidden frame has no
  // layout until then).
  new ResizeObserver(() => fit()).observe(root);
}

/** The desktop's credentials: the container keeps them in sessionStorage (desktop-and-gadgets.md §1, step 4). */
function authorization(prefs: { getString(name: string): string }): string {
  const stored = sessionStorage.getItem('userFinesseAuth') ?? prefs.getString('authorization');
  return stored.startsWith('Basic ') ? stored : `Basic ${stored}`;
}

let started = false;
const startOnce = () => { if (!started) { started = true; start(); } };
const api = gadgetsApi();
const previous = api.HubSettings.onConnect;
api.HubSettings.onConnect = () => { previous?.(); startOnce(); };
if (api.Hub.isConnected?.()) startOnce();

// What a Live Data gadget shows, from its layout URL (`/livedata/gadget/LiveDataGadget.xml?report=…&view=…`) and
// its user prefs: the layout URL's query wins, as the original's `viewId`/`filterId` parameters do.
import { isReportId, type ReportId, type ReportView } from './rows.ts';

export interface GadgetSettings {
  report: ReportId;
  view: ReportView;
  display: 'grid' | 'chart';
  height: number;
  filter?: { teamIds?: string[]; csqIds?: string[]; agentIds?: string[] };
  serviceLevelTargetPct: number;
}

const VIEWS: readonly ReportView[] = ['snapshot', 'shortLong', 'sinceMidnight'];

const list = (value: string | null | undefined): string[] | undefined => {
  const items = value?.split(',').map((s) => s.trim()).filter(Boolean);
  return items && items.length > 0 ? items : undefined;
};

/** `specQuery`: the query of the gadget spec's URL; `pref`: a user pref by name (empty when unset). */
export function gadgetSettings(specQuery: URLSearchParams, pref: (name: string) => string): GadgetSettings {
  const read = (name: string) => specQuery.get(name) ?? (pref(name) || null);
  const display = read('display') === 'chart' ? 'chart' : 'grid';
  const report = read('report') ?? '';
  const view = read('view') ?? '';
  const height = Number(read('gadgetHeight'));
  const target = Number(read('serviceLevelTarget'));
  const filter = {
    ...(list(read('teamIds')) ? { teamIds: list(read('teamIds'))! } : {}),
    ...(list(read('csqIds')) ? { csqIds: list(read('csqIds'))! } : {}),
    ...(list(read('agentIds')) ? { agentIds: list(read('agentIds'))! } : {}),
  };
  return {
    report: isReportId(report) ? report : display === 'chart' ? 'voiceCsqSummary' : 'teamState',
    view: (VIEWS as readonly string[]).includes(view) ? view as ReportView : 'snapshot',
    display,
    height: Number.isFinite(height) && height >= 120 ? Math.min(height, 2000) : 310,
    ...(Object.keys(filter).length > 0 ? { filter } : {}),
    serviceLevelTargetPct: Number.isFinite(target) && target > 0 && target <= 100 ? target : 80,
  };
}

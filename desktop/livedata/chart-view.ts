// The chart gadget: calls waiting (left axis) and service level % (right axis) over the last 30 minutes, drawn
// with uPlot, a small canvas chart made for streaming series.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { CsqTrend } from './csq-trend.ts';

export class ChartView {
  readonly #plot: uPlot;
  readonly #summary: HTMLElement;
  readonly #holder: HTMLElement;

  constructor(parent: HTMLElement, readonly trend: CsqTrend, height: number) {
    this.#summary = document.createElement('p');
    this.#summary.className = 'ld-chart-summary';
    this.#summary.setAttribute('aria-live', 'polite');
    const holder = document.createElement('div');
    holder.className = 'ld-chart';
    this.#holder = holder;
    parent.append(this.#summary, holder);
    const width = Math.max(280, parent.clientWidth || 600);
    this.#plot = new uPlot({
      width, height,
      scales: { x: { time: true }, waiting: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.2))] }, pct: { range: [0, 100] } },
      axes: [
        {},
        { scale: 'waiting', label: 'Calls waiting' },
        { scale: 'pct', side: 1, label: 'Service level %', grid: { show: false } },
      ],
      series: [
        {},
        { label: 'Calls waiting', scale: 'waiting', stroke: '#b45309', width: 2, fill: 'rgba(180, 83, 9, 0.08)' },
        { label: 'Service level %', scale: 'pct', stroke: '#1d4ed8', width: 2, spanGaps: true },
      ],
    }, trend.series(), holder);
    new ResizeObserver(() => this.#plot.setSize({ width: Math.max(280, parent.clientWidth), height })).observe(parent);
  }

  update(): void {
    this.#plot.setData(this.trend.series());
    const last = this.trend.points.at(-1);
    // What is drawn, readable without the canvas (tests, assistive tools): points plotted and the newest one's time.
    this.#holder.dataset.points = String(this.#plot.data[0].length);
    if (last) this.#holder.dataset.lastAt = String(last.at);
    this.#summary.textContent = last
      ? `${last.callsWaiting} waiting now; service level ${last.serviceLevelPct === null ? 'not yet measured' : `${Math.round(last.serviceLevelPct)} %`}`
      : 'Waiting for the first figures…';
  }
}

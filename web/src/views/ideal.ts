// Ideal points over time for chosen countries, with 95% intervals.
import { getTable, num, type Row } from '../api';
import type { App, View } from '../app';
import { ChartCard, palette, sortPeriods, type Option } from '../chart';
import * as ui from '../controls';
import { axisStyle, esc, fmt, latest, yearRange } from './common';

const DEFAULT = 'USA,CHN,RUS,IND,BRA,DEU';

export const idealView: View = {
  id: 'ideal',
  title: 'Ideal points',
  mount(app: App, root: HTMLElement) {
    const intro = document.createElement('p');
    intro.className = 'intro';
    intro.textContent = 'Where each state sits on the main dimension of UN voting, per year, estimated with a dynamic ideal-point model; bands are 95% intervals.';
    root.append(intro);
    const panel = ui.panel(root);
    const next = latest();
    const card = new ChartCard(root, 'ideal', 'Ideal points over time', 'rostrum-ideal');
    const update = () => void render();

    ui.text(panel, 'countries', 'Countries', app.state.countries ?? DEFAULT, (v) => { app.set({ countries: v }); update(); }, { width: '20em', list: 'countries', hint: 'ISO3 codes, comma-separated' });
    yearRange(app, panel, update, { from: app.minYear, to: app.maxYear });
    ui.checkbox(panel, 'bands', '95% interval', app.state.bands !== '0', (v) => { app.set({ bands: v ? undefined : '0' }); update(); });

    async function render(): Promise<void> {
      const guard = next();
      const s = app.state;
      const countries = ui.splitList(s.countries ?? DEFAULT).map((c) => c.toUpperCase());
      card.loading();
      try {
        const t = await getTable('ideal-latest', { countries: countries.join(','), from: s.from ?? app.minYear, to: s.to ?? app.maxYear });
        guard(() => draw(t.rows, t.columns, s.bands !== '0'));
      } catch (err) {
        guard(() => card.fail(err));
      }
    }

    function draw(rows: Row[], columns: string[], bands: boolean): void {
      const key = rows.some((r) => r.year !== undefined && r.year !== null) ? 'year' : 'session';
      const periods = sortPeriods(rows.map((r) => String(r[key])));
      const countries = [...new Set(rows.map((r) => String(r.country)))];
      const series: object[] = [];
      countries.forEach((c, i) => {
        const color = palette[i % palette.length];
        const by = new Map(rows.filter((r) => String(r.country) === c).map((r) => [String(r[key]), r]));
        series.push({ name: c, type: 'line', data: periods.map((p) => num(by.get(p)?.ideal)), showSymbol: false, lineStyle: { width: 2, color }, itemStyle: { color }, z: 3 });
        if (bands) {
          const lo = periods.map((p) => num(by.get(p)?.lo));
          const hi = periods.map((p) => num(by.get(p)?.hi));
          series.push({ name: `${c} lo`, type: 'line', data: lo, stack: `b${i}`, stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false } });
          series.push({ name: `${c} band`, type: 'line', data: hi.map((h, k) => (h === null || lo[k] === null ? null : h - (lo[k] as number))), stack: `b${i}`, stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color, opacity: 0.14 }, silent: true, tooltip: { show: false } });
        }
      });
      const option: Option = {
        color: palette,
        animation: false,
        legend: { data: countries.map((c) => ({ name: c })), top: 0, formatter: (n: string) => `${app.name(n)}` },
        grid: { left: 56, right: 24, top: 40, bottom: 64 },
        tooltip: {
          trigger: 'axis',
          formatter: (items: any[]) => {
            const list = items.filter((it) => countries.includes(it.seriesName));
            if (!list.length) return '';
            return `<b>${esc(list[0].axisValue)}</b><br>` + list.map((it) => `${it.marker}${esc(app.name(it.seriesName))}: <b>${fmt(num(it.value), 2)}</b>`).join('<br>');
          },
        },
        xAxis: { type: 'category', data: periods, boundaryGap: false, ...axisStyle },
        yAxis: { type: 'value', name: 'ideal point', scale: true, ...axisStyle },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 6 }],
        series,
      };
      card.show(option, columns, rows);
    }

    update();
    return () => card.dispose();
  },
};

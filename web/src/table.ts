// A table card: title, status line, an HTML table (data-table = id) and a CSV
// download of exactly the rows shown. For lists a chart would hide (biggest
// movers, bloc members and their stability).
import { ApiError, type Row } from './api';
import { sentence } from './chart';

export interface Column {
  key: string;
  label: string;
  /** Text or node shown in the cell (default: the value as text). */
  format?: (row: Row) => string | Node;
  numeric?: boolean;
  title?: string;
}

export class TableCard {
  readonly el: HTMLElement;
  private readonly statusEl: HTMLElement;
  private readonly table: HTMLTableElement;
  private columns: Column[] = [];
  private rows: Row[] = [];

  constructor(
    parent: HTMLElement,
    readonly id: string,
    title: string,
    private filename: string,
  ) {
    this.el = document.createElement('section');
    this.el.className = 'card table-card';
    this.el.dataset.tableCard = id;
    const head = document.createElement('div');
    head.className = 'card-head';
    const h = document.createElement('h2');
    h.textContent = title;
    const tools = document.createElement('div');
    tools.className = 'card-tools';
    const csv = document.createElement('button');
    csv.type = 'button';
    csv.className = 'btn-small';
    csv.textContent = 'CSV';
    csv.title = 'Download this table as CSV';
    csv.dataset.action = 'csv';
    csv.addEventListener('click', () => this.downloadCsv());
    tools.append(csv);
    head.append(h, tools);
    this.statusEl = document.createElement('div');
    this.statusEl.className = 'card-status';
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    this.table = document.createElement('table');
    this.table.className = 'data';
    this.table.dataset.table = id;
    wrap.append(this.table);
    this.el.append(head, this.statusEl, wrap);
    parent.append(this.el);
  }

  setTitle(title: string): void {
    this.el.querySelector('h2')!.textContent = title;
  }

  setFilename(name: string): void {
    this.filename = name;
  }

  loading(): void {
    this.el.classList.remove('is-error', 'is-empty');
    this.statusEl.textContent = 'Loading…';
  }

  /** Rows with `rowClass(row)` as the class of their <tr> (for highlighting). */
  show(columns: Column[], rows: Row[], note = '', rowClass?: (row: Row) => string): void {
    this.columns = columns;
    this.rows = rows;
    this.el.classList.remove('is-error', 'is-empty');
    this.table.hidden = false;
    this.statusEl.textContent = note;
    const thead = document.createElement('thead');
    const hr = document.createElement('tr');
    for (const c of columns) {
      const th = document.createElement('th');
      th.textContent = c.label;
      if (c.title) th.title = c.title;
      if (c.numeric) th.className = 'num';
      hr.append(th);
    }
    thead.append(hr);
    const tbody = document.createElement('tbody');
    for (const r of rows) {
      const tr = document.createElement('tr');
      const cls = rowClass?.(r);
      if (cls) tr.className = cls;
      for (const c of columns) {
        const td = document.createElement('td');
        if (c.numeric) td.className = 'num';
        const v = c.format ? c.format(r) : String(r[c.key] ?? '');
        td.append(v);
        tr.append(td);
      }
      tbody.append(tr);
    }
    this.table.replaceChildren(thead, tbody);
  }

  empty(reason: string): void {
    this.rows = [];
    this.table.replaceChildren();
    this.table.hidden = true;
    this.el.classList.remove('is-error');
    this.el.classList.add('is-empty');
    this.statusEl.textContent = sentence(reason);
  }

  fail(err: unknown): void {
    this.rows = [];
    this.table.replaceChildren();
    this.table.hidden = true;
    this.el.classList.remove('is-empty', 'is-error', 'is-unavailable');
    if (err instanceof ApiError && err.missingData) {
      this.el.classList.add('is-unavailable');
      this.statusEl.textContent = `Not available: ${sentence(err.message)}`;
      return;
    }
    this.el.classList.add('is-error');
    const param = err instanceof ApiError && err.parameter ? ` (parameter “${err.parameter}”)` : '';
    this.statusEl.textContent = (err instanceof Error ? err.message : String(err)) + param;
  }

  private downloadCsv(): void {
    const field = (v: unknown) => {
      const s = v === null || v === undefined ? '' : String(v);
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const keys = this.columns.map((c) => c.key);
    const lines = [keys.join(','), ...this.rows.map((r) => keys.map((k) => field(r[k])).join(','))];
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }));
    a.download = `${this.filename}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }
}

// Form controls shared by the views. Each control reads its initial value from
// the URL state and calls `onChange` when the user changes it.

export interface Choice {
  value: string;
  label: string;
}

export function panel(parent: HTMLElement): HTMLElement {
  const p = document.createElement('form');
  p.className = 'controls';
  p.addEventListener('submit', (e) => e.preventDefault());
  parent.append(p);
  return p;
}

function field(parent: HTMLElement, label: string, control: HTMLElement, hint?: string): HTMLElement {
  const wrap = document.createElement('label');
  wrap.className = 'field';
  const span = document.createElement('span');
  span.textContent = label;
  wrap.append(span, control);
  if (hint) wrap.title = hint;
  parent.append(wrap);
  return wrap;
}

export function select(parent: HTMLElement, name: string, label: string, choices: Choice[], value: string, onChange: (v: string) => void): HTMLSelectElement {
  const s = document.createElement('select');
  s.name = name;
  for (const c of choices) {
    const o = document.createElement('option');
    o.value = c.value;
    o.textContent = c.label;
    s.append(o);
  }
  s.value = choices.some((c) => c.value === value) ? value : choices[0]?.value ?? '';
  s.addEventListener('change', () => onChange(s.value));
  field(parent, label, s);
  return s;
}

export function text(parent: HTMLElement, name: string, label: string, value: string, onChange: (v: string) => void, opts: { placeholder?: string; list?: string; width?: string; hint?: string } = {}): HTMLInputElement {
  const i = document.createElement('input');
  i.type = 'text';
  i.name = name;
  i.value = value;
  i.spellcheck = false;
  i.autocomplete = 'off';
  if (opts.placeholder) i.placeholder = opts.placeholder;
  if (opts.list) i.setAttribute('list', opts.list);
  if (opts.width) i.style.width = opts.width;
  i.addEventListener('change', () => onChange(i.value.trim()));
  field(parent, label, i, opts.hint);
  return i;
}

export function number(parent: HTMLElement, name: string, label: string, value: string, onChange: (v: string) => void, opts: { min?: number; max?: number; step?: number } = {}): HTMLInputElement {
  const i = document.createElement('input');
  i.type = 'number';
  i.name = name;
  i.value = value;
  if (opts.min !== undefined) i.min = String(opts.min);
  if (opts.max !== undefined) i.max = String(opts.max);
  if (opts.step !== undefined) i.step = String(opts.step);
  i.style.width = '6.5em';
  i.addEventListener('change', () => onChange(i.value.trim()));
  field(parent, label, i);
  return i;
}

export function checkbox(parent: HTMLElement, name: string, label: string, checked: boolean, onChange: (v: boolean) => void): HTMLInputElement {
  const i = document.createElement('input');
  i.type = 'checkbox';
  i.name = name;
  i.checked = checked;
  i.addEventListener('change', () => onChange(i.checked));
  const wrap = field(parent, label, i);
  wrap.classList.add('check');
  return i;
}

export function chips(parent: HTMLElement, name: string, label: string, choices: Choice[], selected: string[], onChange: (v: string[]) => void): HTMLElement {
  const box = document.createElement('div');
  box.className = 'chips';
  box.dataset.name = name;
  const current = new Set(selected);
  for (const c of choices) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'chip';
    b.dataset.value = c.value;
    b.textContent = c.label;
    b.setAttribute('aria-pressed', String(current.has(c.value)));
    b.addEventListener('click', () => {
      if (current.has(c.value)) current.delete(c.value);
      else current.add(c.value);
      b.setAttribute('aria-pressed', String(current.has(c.value)));
      onChange(choices.map((x) => x.value).filter((v) => current.has(v)));
    });
    box.append(b);
  }
  field(parent, label, box).classList.add('wide');
  return box;
}

export const measures: Choice[] = [
  { value: 'agree', label: 'Agreement (Voeten)' },
  { value: 's', label: 'S (Signorino–Ritter)' },
  { value: 's2', label: 'S, squared distance' },
  { value: 'kappa', label: 'κ (Häge)' },
  { value: 'pi', label: 'π (Häge)' },
  { value: 'a', label: 'A (chance-adjusted S)' },
  { value: 'coincidence', label: 'Coincidence (US State Dept.)' },
];

export const issues: Choice[] = [
  { value: '', label: 'All issues' },
  { value: 'me', label: 'Palestinian conflict' },
  { value: 'nu', label: 'Nuclear weapons' },
  { value: 'di', label: 'Arms control & disarmament' },
  { value: 'hr', label: 'Human rights' },
  { value: 'co', label: 'Colonialism' },
  { value: 'ec', label: 'Economic development' },
];

export const periods: Choice[] = [
  { value: 'year', label: 'Year' },
  { value: 'session', label: 'Session' },
];

export function measureLabel(m: string): string {
  return measures.find((c) => c.value === m)?.label ?? m;
}

export function splitList(s: string): string[] {
  return s.split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean);
}

/*
 * The caseworker page: reads the form, asks the public API
 * (POST /api/v1/calculate) and shows the answer.  It computes nothing: every
 * amount, sum and legal reference shown comes from the API; this file only
 * writes them the Danish way ("14359.65" → "14.359,65").  No inline script
 * anywhere (Content-Security-Policy: script-src 'self').
 */
'use strict';

/* The Danish names of the engine's codes (months, categories, forløb, rate
 * keys and units, provenance, warnings, notes) come from the engine through
 * GET /api/v1/catalogue, fetched once: the page keeps no list of its own. */
let MONTHS = [];
let CATEGORY = {};
let FORLOEB = {};
let RATE = {};
let UNIT = {};
let PROVENANCE = {};
let WARNING = {};
let NOTE = {};

async function loadCatalogue() {
  if (MONTHS.length) return;
  const c = await (await fetch('/api/v1/catalogue')).json();
  ({months: MONTHS, categories: CATEGORY, forloeb: FORLOEB, rates: RATE, units: UNIT,
    provenance: PROVENANCE, warnings: WARNING, notes: NOTE} = c);
}

/* A field's name for a message: the text of its label in the page (without
 * the small print), so the page names its fields in one place, the HTML. */
function fieldLabel(column) {
  const label = document.querySelector(`label[for="${column}"]`);
  if (!label) return column;
  const copy = label.cloneNode(true);
  for (const small of copy.querySelectorAll('small')) small.remove();
  return copy.textContent.replace(/,? kr\.$/, '').trim();
}
const AMOUNT_FIELDS = ['child_support', 'prior_amount', 'wage', 'holiday_pay', 'holiday_days',
  'activation_income', 'activation_hours', 'other_income', 'sanction_amount'];

/* Day counts of the holiday ledger, typed the Danish way ("2,912"); the API reads them. */
const DAY_FIELDS = ['holiday_used_days'];

/* The fields the printout lists under "Indtastet", in the form's order (the labels are the form's). */
const INPUT_FIELDS = ['month', 'from', 'to', 'start', 'end', 'category', 'forloeb', 'children', 'child_support',
  'prior', 'prior_amount', 'prior_unit', 'prior_until', 'wage', 'activation_income', 'activation_hours',
  'other_income', 'holiday_pay', 'holiday_days', 'holiday_ydelse_days', 'holiday_run_months',
  'holiday_used_days', 'sanction_days', 'sanction_amount'];

const $ = (id) => document.getElementById(id);

/* "ikke_forsorger;forsorger" (a month of several periods) → "ikke-forsørger, derefter forsørger". */
function categoryText(c) {
  return (c || '').split(';').map((k) => CATEGORY[k] || k).join(', derefter ');
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/* "14359.65" → "14.359,65"; "-5.00" → "−5,00".  Text only: no arithmetic. */
function kr(s) {
  if (s === null || s === undefined) return '';
  const neg = s.startsWith('-');
  const [whole, frac] = (neg ? s.slice(1) : s).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (neg ? '−' : '') + grouped + (frac !== undefined ? ',' + frac : '');
}

/* "§ 68 stk. 2 nr. 1" → "§ 68, stk. 2, nr. 1" (as Danish prose writes it). */
function ref(s) {
  return (s || '').replace(/ (stk\.|nr\.)/g, ', $1');
}

function dayText(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}

function monthText(ym) {
  const [y, m] = ym.split('-').map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/* "1.–14. maj" for a segment. */
function spanText(first, last) {
  const [, m, d1] = first.split('-').map(Number);
  const d2 = Number(last.split('-')[2]);
  return d1 === d2 ? `${d1}. ${MONTHS[m - 1]}` : `${d1}.–${d2}. ${MONTHS[m - 1]}`;
}

/* A reference that never wraps inside ("§ 68, stk. 2, nr. 1"). */
function refSpan(s) {
  return el('span', {class: 'ref-tekst'}, ref(s));
}

/* The months from..to inclusive ("2024-03".."2024-08"); null if not months. */
function monthRange(from, to) {
  const re = /^(\d{4})-(\d{2})$/;
  const a = re.exec(from), b = re.exec(to);
  if (!a || !b) return null;
  const out = [];
  let y = Number(a[1]), m = Number(a[2]);
  const y2 = Number(b[1]), m2 = Number(b[2]);
  if (m < 1 || m > 12 || m2 < 1 || m2 > 12) return null;
  while ((y < y2 || (y === y2 && m <= m2)) && out.length <= 120) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

/* ---- Errors in Danish ---------------------------------------------------------- */

/* Each fault comes from the API with its code, the column it names and its
 * words in Danish ("reason") from the engine's one catalogue: the page shows
 * them as they are, in the list and at the field, and words nothing itself. */
function showErrors(errors, labels, src) {
  const box = $('fejl');
  box.replaceChildren(el('h2', {}, 'Beregningen kunne ikke foretages'));
  for (const old of document.querySelectorAll('.fejl-felt')) old.remove();
  const ul = el('ul');
  for (const e of errors) {
    const field = e.column ? fieldLabel(e.column) : null;
    const where = labels && e.row !== null && labels.length > 1 ? ` (${labels[e.row]})` : '';
    const li = el('li', {class: 'fejl-linje', 'data-column': e.column || '', 'data-code': e.code || ''});
    li.append(field ? el('strong', {}, field + where + ': ') : where ? el('strong', {}, where.slice(2, -1) + ': ') : '');
    li.append(e.reason);
    ul.append(li);
    const k = src && e.row !== null ? src[e.row] : 0; /* the added period the row came from, 0: the form */
    const input = k > 0 && $(`periode-${k}-${e.column}`) ? $(`periode-${k}-${e.column}`) : $(e.column);
    if (e.column && input) {
      input.setAttribute('aria-invalid', 'true');
      input.after(el('small', {class: 'fejl-felt', role: 'alert'}, e.reason));
    }
  }
  box.append(ul);
  box.classList.remove('hidden');
  /* focus moves to the first field a fault names (its message is announced there), else to the box */
  const first = document.querySelector('[aria-invalid="true"]');
  if (first && first.offsetParent !== null) {
    first.focus();
    first.scrollIntoView({block: 'center'});
  } else {
    box.setAttribute('tabindex', '-1');
    box.focus();
    box.scrollIntoView({block: 'start'});
  }
}

/* ---- The request ---------------------------------------------------------------- */

function formRow() {
  const row = {};
  for (const id of ['category', 'forloeb', 'prior']) row[id] = $(id).value;
  for (const id of ['children', 'holiday_ydelse_days', 'prior_until', 'sanction_days']) {
    const v = $(id).value.trim();
    if (v) row[id] = v;
  }
  /* amounts exactly as typed ("4.650", "20.000,00"): the engine reads them ("amount_format": "da") */
  for (const id of AMOUNT_FIELDS) {
    const v = $(id).value.trim();
    if (v) row[id] = v;
  }
  for (const id of ['holiday_run_months']) {
    const v = $(id).value.trim();
    if (v) row[id] = v;
  }
  for (const id of DAY_FIELDS) {
    const v = $(id).value.trim();
    if (v) row[id] = v;
  }
  if (row.prior !== 'none') row.prior_unit = $('prior_unit').value;
  return row;
}

/* ---- A month of several periods ("Tilføj periode") ----------------------------------- */

let periodCount = 0;

/* One more period row: its first and last day and its category (the forløb is the month's). */
function addPeriod() {
  const k = ++periodCount;
  const cat = $('category').cloneNode(true);
  cat.id = `periode-${k}-category`;
  cat.removeAttribute('name');
  const box = el('div', {class: 'row periode-ekstra', id: `periode-${k}`, 'data-period': String(k)},
    el('label', {for: `periode-${k}-start`}, `Periode ${k + 1}: første dag`),
    el('input', {id: `periode-${k}-start`, placeholder: 'ÅÅÅÅ-MM-DD', autocomplete: 'off'}),
    el('label', {for: `periode-${k}-end`}, 'sidste dag'),
    el('input', {id: `periode-${k}-end`, placeholder: 'ÅÅÅÅ-MM-DD', autocomplete: 'off'}),
    el('label', {for: cat.id}, 'kategori'), cat);
  const remove = el('button', {type: 'button', class: 'sekundaer'}, 'Fjern');
  remove.addEventListener('click', () => box.remove());
  box.append(remove);
  $('ekstra-perioder').append(box);
}

/* The added periods: their number, first and last day and category. */
function addedPeriods() {
  return [...document.querySelectorAll('#ekstra-perioder [data-period]')].map((b) => {
    const k = Number(b.dataset.period);
    return {k, start: $(`periode-${k}-start`).value.trim(), end: $(`periode-${k}-end`).value.trim(),
      category: $(`periode-${k}-category`).value};
  });
}

/* "2024-07-12" → "2024-07-11"; null on the 1st (no day before it in the month) or a bad date. */
function dayBefore(iso) {
  const m = /^(\d{4}-\d{2})-(\d{2})$/.exec(iso);
  if (!m || Number(m[2]) <= 1) return null;
  return `${m[1]}-${String(Number(m[2]) - 1).padStart(2, '0')}`;
}

/* The request's rows for the months: one row per month from the form (the first month from
 * "Første dag med ret", the last to "Sidste dag med ret"), and one row per added period in the
 * month of its first day; in a period, the form's row of that month ends the day before.  The
 * engine joins a month's rows into one case-month (rules.md §7).  src[i]: the added period row i
 * came from (0: the form).  Returns null and shows why when an added period has no month. */
function requestRows(months, base) {
  const rows = [], src = [];
  const extra = addedPeriods();
  const single = months.length === 1 && !periodMode();
  for (const p of extra) {
    const month = single ? months[0] : p.start.slice(0, 7);
    if (!months.includes(month)) {
      showErrors([{row: 0, column: 'start', reason: periodMode()
        ? `Periode ${p.k + 1}: første dag skal ligge i en af månederne fra ${months[0]} til ${months[months.length - 1]}.`
        : 'skal ligge i måneden.'}], null, [p.k]);
      return null;
    }
  }
  months.forEach((month, i) => {
    const row = Object.assign({month}, base);
    const start = $('start').value.trim(), end = $('end').value.trim();
    if (i === 0 && start) row.start = start;
    if (i === months.length - 1 && end) row.end = end;
    const mine = extra.filter((p) => (single ? months[0] : p.start.slice(0, 7)) === month);
    if (!single && mine.length && !row.end) {
      const first = mine.map((p) => p.start).sort()[0];
      const before = dayBefore(first);
      if (before) row.end = before;
    }
    rows.push(row);
    src.push(0);
    for (const p of mine) {
      const r = {month, category: p.category, forloeb: base.forloeb};
      if (p.start) r.start = p.start;
      if (p.end) r.end = p.end;
      rows.push(r);
      src.push(p.k);
    }
  });
  return {rows, src};
}

async function calculate(rows) {
  const resp = await fetch('/api/v1/calculate', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({amount_format: 'da', rows}),
  });
  return {status: resp.status, body: await resp.json()};
}

/* ---- One month: the breakdown ------------------------------------------------------ */

/* A table in its own box: if it is wider than the screen, the box scrolls, never the page. */
function box(table) {
  return el('div', {class: 'tabel-boks'}, table);
}

/* What a form field holds as the printout shows it: a choice by its text, a value as typed. */
function inputText(id) {
  const e = $(id);
  if (e.tagName === 'SELECT') return e.options[e.selectedIndex].textContent;
  return e.value.trim();
}

/* The printout's head: the case as entered, the inputs, the print date and the engine. */
function printout(r) {
  const sec = $('udskrift');
  const today = new Date();
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-` +
    `${String(today.getDate()).padStart(2, '0')}`;
  const sag = $('sag').value.trim();
  const dl = el('dl', {class: 'input', id: 'udskrift-input'});
  const visible = (id) => !$(id).closest('.hidden');
  for (const id of INPUT_FIELDS) {
    const v = inputText(id);
    if (!v || !visible(id) || (id === 'prior' && $(id).value === 'none')) continue;
    if ((id === 'prior_unit') && $('prior').value === 'none') continue;
    dl.append(el('dt', {}, fieldLabel(id)), el('dd', {}, v));
  }
  for (const p of addedPeriods())
    dl.append(el('dt', {}, `Periode ${p.k + 1}`),
      el('dd', {}, `${p.start} – ${p.end}, ${inputText(`periode-${p.k}-category`)}`));
  sec.replaceChildren(el('h2', {}, sag ? `Sag: ${sag}` : 'Sag: (ikke angivet)'),
    el('p', {id: 'udskrevet'}, `Udskrevet ${dayText(iso)} · rfy ${r.engine.version} · satstabeller ${r.rates_id}`),
    el('h3', {}, 'Indtastet'), dl);
  sec.classList.remove('hidden'); /* style.css keeps it off the screen; print.css puts it on paper */
}

/* The result is shown: the printout's head filled, the result scrolled into view and focused
 * (its heading names it for a screen reader). */
function shown(r) {
  printout(r);
  const out = $('resultat');
  out.classList.remove('hidden');
  out.focus({preventScroll: true});
  out.scrollIntoView({block: 'start'});
}

function line(label, amount, reference, cls) {
  const tr = el('tr', cls ? {class: cls} : {});
  tr.append(el('td', {}, label), el('td', {class: 'belob'}, amount), el('td', {class: 'ref'}, reference || ''));
  return tr;
}

function deductionText(d) {
  switch (d.kind) {
  case 'wage': {
    /* the percentages and the 30/55 rule's last month are the engine's */
    if (d.rule === '55')
      return `Løn: ${d.high_pct} % af (${kr(d.wage)} − ${kr(d.threshold)})`;
    const until = d.rule_last_month ? `, til og med ${monthText(d.rule_last_month)}` : '';
    return d.part_55 === '0.00'
      ? `Løn: ${d.low_pct} % af ${kr(d.wage)} (${d.rule}-reglen${until})`
      : `Løn: ${d.low_pct} % af ${kr(d.threshold)} + ${d.high_pct} % af (${kr(d.wage)} − ${kr(d.threshold)}) = ` +
        `${kr(d.part_30)} + ${kr(d.part_55)} (${d.rule}-reglen${until})`;
  }
  case 'holiday':
    /* the cap's working, as the CLI shows it: the difference the holiday pay makes, and the cap */
    return `Feriegodtgørelse: ${kr(d.holiday_pay)} for ${kr(d.holiday_days)} feriedage ` +
      `(${kr(d.calendar_days)} kalenderdage). Fradrag af løn og feriegodtgørelse ${kr(d.deduction_with)} − ` +
      `fradrag af lønnen alene ${kr(d.deduction_without)} = ${kr(d.uncapped)}; loft: ydelsen for ` +
      `${kr(d.calendar_days)} dage ${d.cap_exact && d.cap_exact.includes('/') ? '≈ ' : ''}${kr(d.cap)}; ` +
      (d.capped ? 'loftet binder' : 'loftet binder ikke') + '. Fradraget er det mindste af de to';
  case 'activation':
    return `Indtægt i tilbud: ${kr(d.income)} − fradragsfrit ${kr(d.disregard)} (${kr(d.hours_counted)} timer)`;
  case 'other':
    return `Anden indtægt: ${kr(d.other_income)} krone for krone`;
  case 'sanction': {
    /* the engine's numbers only: days × the amount a day, its rule, and the punktsanktion */
    const parts = [];
    if (d.days > 0 && d.day_amount === null) /* several periods, each at its own level */
      parts.push(`periodesanktion ${d.days} dage, hver periodes dage efter periodens eget niveau ` +
        `× ${d.day_num}/${d.day_den}, afrundet til hele kroner = ${kr(d.period_amount)}`);
    else if (d.days > 0)
      parts.push(`periodesanktion ${d.days} ${d.days === 1 ? 'dag' : 'dage'} × ${kr(d.day_amount)} ` +
        `(dagssats: niveauet ${kr(d.day_level)} × ${d.day_num}/${d.day_den}, afrundet til hele kroner)`);
    if (d.point_amount !== '0.00')
      parts.push(`punktsanktion ${kr(d.point_amount)} (${ref(d.point_legal_ref)})`);
    return `Sanktioner: ${parts.join('; ')}`;
  }
  default:
    return d.kind;
  }
}

function levelText(r) {
  const lv = r.level;
  /* several periods: the level detail is the last period's (each period's level is in the day lines) */
  const many = r.periods && r.periods.length > 1;
  const cat = many ? CATEGORY[r.periods[r.periods.length - 1].category] : categoryText(r.category);
  const parts = [];
  const n4 = lv.nr4;
  if (n4) {
    /* nr. 4: the grundbeløb, the tillæg and the cap, the engine's figures as the CLI shows them */
    parts.push(`Grundbeløb efter § 68, stk. 2, nr. 3: ${kr(n4.u25_level)} kr./md.`);
    parts.push(`Tillæg: det mindste af dokumenteret bidrag ${kr(n4.child_support)} og ${n4.children} ` +
      `${n4.children === 1 ? 'barn' : 'børn'} × normalbidrag ${kr(n4.normalbidrag)}: ${kr(n4.tillaeg)} kr./md.`);
    parts.push(`Grundbeløb ${kr(n4.u25_level)} + tillæg ${kr(n4.tillaeg)}, loft ${kr(n4.cap)} (forsørgersatsen): ` +
      (n4.capped ? 'loftet binder.' : 'loftet binder ikke.'));
  }
  parts.push(`${many ? 'Sidste periode: n' : 'N'}iveau efter ${ref(lv.stk2_ref)} (${cat}): ${kr(lv.stk2_level)} kr./md.`);
  if (lv.prior) {
    const p = lv.prior;
    const name = p.kind === 'sygedagpenge' ? 'hidtidige sygedagpenge' : 'hidtidig ledighedsydelse';
    const conv = p.unit === 'week' ? ` kr./uge × ${p.conversion} = ${kr(p.monthly)}` : '';
    parts.push(`${ref(p.legal_ref)}: ${name} ${kr(p.amount)}${conv} kr./md.` +
      (p.above_floor ? ' er over niveauet efter stk. 2 og er niveauet' : ' er ikke over niveauet efter stk. 2, som gælder som gulv') +
      (p.until ? ` til og med ${dayText(p.until)}.` : '.'));
  }
  return parts;
}

function ratesTable(r) {
  const t = el('table', {class: 'satser kort'});
  t.append(el('thead', {}, el('tr', {}, el('th', {}, 'Sats'), el('th', {class: 'belob'}, 'Beløb'),
    el('th', {}, 'Gældende fra'), el('th', {}, 'Grundlag'), el('th', {}, 'Kilde'))));
  const body = el('tbody');
  for (const v of r.rates) {
    const tr = el('tr', {'data-key': v.key, 'data-provenance': v.provenance,
      class: v.provenance === 'derived' ? 'afledt' : ''});
    tr.append(el('td', {}, `${RATE[v.key] || v.key} (`, refSpan(v.legal_ref_text), ')'),
      el('td', {class: 'belob', 'data-navn': 'Beløb'}, `${kr(v.amount)} ${UNIT[v.unit] || v.unit}`),
      el('td', {'data-navn': 'Gældende fra'}, dayText(v.effective_from)),
      el('td', {'data-navn': 'Grundlag'}, PROVENANCE[v.provenance] || v.provenance),
      el('td', {class: 'kilde', 'data-navn': 'Kilde'}, v.source_text));
    body.append(tr);
  }
  t.append(body);
  return t;
}

function derivedNote(provenance) {
  if (provenance !== 'derived') return null;
  return el('p', {class: 'note afledt-note', id: 'afledt-note', role: 'note'},
    'Bemærk: mindst én sats er afledt af reguleringskæden og ikke offentliggjort ' +
    '(afledt sats, ikke offentliggjort). Beløbet kan ændre sig, når satserne offentliggøres.');
}

/* The result's warnings and notes: codes from the engine, its Danish words from the catalogue. */
function warningsList(r) {
  const items = [];
  for (const w of r.warnings || [])
    items.push(el('li', {'data-warning': w.code}, WARNING[w.code] || w.detail || w.code));
  for (const n of r.notes || []) {
    const code = n.split(':')[0];
    items.push(el('li', {'data-note': code}, NOTE[code] || n));
  }
  if (!items.length) return null;
  const ul = el('ul', {class: 'note advarsler'});
  ul.append(...items);
  return ul;
}

function showMonth(r) {
  const out = $('resultat');
  out.replaceChildren();
  out.append(el('h2', {id: 'resultat-titel'}, `Forhåndsberegning for ${monthText(r.month)}`));
  const meta = el('dl', {class: 'meta'});
  meta.append(el('dt', {}, 'Kategori'), el('dd', {}, categoryText(r.category)),
    el('dt', {}, 'Forløb'), el('dd', {}, FORLOEB[r.forloeb] || r.forloeb),
    el('dt', {}, 'Ret til ydelse'), el('dd', {}, `${r.days} af ${r.days_in_month} dage`));
  out.append(meta);
  const note = derivedNote(r.provenance);
  if (note) out.append(note);
  const warn = warningsList(r);
  if (warn) out.append(el('h3', {}, 'Advarsler og bemærkninger'), warn);

  if (r.periods && r.periods.length > 1) {
    out.append(el('h3', {}, 'Perioder i måneden'));
    const ul = el('ul', {id: 'perioder-liste'});
    for (const p of r.periods)
      ul.append(el('li', {}, `${p.first_day}.–${p.last_day}. ${MONTHS[Number(r.month.split('-')[1]) - 1]}: ${CATEGORY[p.category] || p.category}`));
    out.append(ul, el('p', {class: 'lille'}, 'Indtægterne lægges sammen og trækkes én gang for måneden.'));
  }

  out.append(el('h3', {}, 'Niveau'));
  for (const p of levelText(r)) out.append(el('p', {}, p));

  out.append(el('h3', {}, 'Dage med ret til ydelse'));
  const seg = el('table', {class: 'linjer'});
  for (const s of r.segments)
    seg.append(line(`${spanText(s.first_day, s.last_day)}: ${s.days} ${s.days === 1 ? 'dag' : 'dage'} à ${kr(s.level)}${s.level_exact ? '…' : ''}/${s.days_in_month}`,
      (s.amount_exact ? '≈ ' : '') + kr(s.amount), ref(s.ref)));
  if (r.segments.length > 1)
    seg.append(line('Bruttoydelse, summen afrundet én gang til hele øre', kr(r.gross), ''));
  out.append(box(seg));

  out.append(el('h3', {}, 'Fradrag'));
  const ded = el('table', {class: 'linjer'});
  let any = false;
  for (const d of r.deductions) {
    if (d.amount === '0.00') continue;
    any = true;
    ded.append(line(deductionText(d), kr(d.amount), ref(d.legal_ref)));
  }
  out.append(any ? box(ded) : el('p', {}, 'Ingen indtægter at trække fra.'));

  out.append(el('h3', {}, 'Resultat'));
  const res = el('table', {class: 'linjer resultat-tabel'});
  const gross = line('Bruttoydelse', kr(r.gross), ref(r.level.ref));
  gross.lastChild.previousSibling.id = 'brutto';
  const total = line('Fradrag i alt', kr(r.total_deduction), '');
  total.lastChild.previousSibling.id = 'fradrag';
  /* the subtraction the CLI shows beside the payment: the engine's two amounts, no arithmetic here */
  const pay = line('Til udbetaling (før skat)', kr(r.payment), `(${kr(r.gross)} − ${kr(r.total_deduction)})`, 'udbetaling');
  pay.lastChild.previousSibling.id = 'udbetaling';
  res.append(gross, total, pay);
  out.append(box(res));

  const ferie = holidaySection(r);
  if (ferie) out.append(ferie);

  out.append(el('h3', {}, 'Anvendte satser'));
  out.append(box(ratesTable(r)));
  out.append(el('p', {class: 'lille'}, `Grundlag: ${PROVENANCE[r.provenance]}. Satstabeller: ${r.rates_id} (rfy ${r.engine.version}).`));
  out.append(el('p', {class: 'forbehold'}, 'Dette er en forhåndsberegning, ikke en afgørelse.'));
  shown(r);
}

/* ---- Ferie (§ 69, stk. 5): the engine's ledger of the month, only written in Danish ---- */

/* "10.00" → "10,00" days. */
function days(s) {
  return kr(s);
}

function holidaySection(r) {
  const h = r.holiday;
  if (!h) return null;
  const sec = el('section', {id: 'ferie'});
  sec.append(el('h3', {}, `Ferie (${ref(h.legal_ref)})`));
  const p = (text, id) => sec.append(el('p', id ? {id} : {}, text));
  if (h.state !== 'known') {
    p('Ukendt: en tidligere måned i sagen blev afvist, så måneder og brugte feriedage kendes ikke. ' +
      'Ret den måned, eller angiv måneder i træk og dage allerede holdt.', 'ferie-ret');
    return sec;
  }
  const month = monthText(r.month);
  if (h.run_broken) p('En hel kalendermåned uden ydelse gik forud: tællingen af måneder startede forfra.');
  p(`Måneder i træk med ydelse før ${month}: ${h.run_months_before} (efter denne måned: ${h.run_months_after}).`);
  if (h.right) {
    p(`Ret til ferie med ydelse: ja, ${h.window_days} dage (5 uger) i ferieperioden ` +
      `${monthText(h.window.from)} – ${monthText(h.window.to)}` +
      (h.window.new ? ' (ny ferieperiode fra denne måned).' : '.'), 'ferie-ret');
    p(`Brugt i ferieperioden før denne måned: ${days(h.used_before)} dage.`);
  } else {
    p(`Ret til ferie med ydelse: nej, endnu ikke (${h.run_months_before} måneder i træk; retten kommer ` +
      `efter ${h.run_months_for_right} måneder i træk med ydelse).`, 'ferie-ret');
  }
  if (h.feriegodtgoerelse_days !== '0.00')
    p(`Ferie med feriegodtgørelse: ${days(h.feriedage)} feriedage = ${days(h.feriegodtgoerelse_days)} dage` +
      (h.right ? '; holdes først og tæller med i de ' + h.window_days + ' dage.' : '; kræver ingen ret og tæller ikke med.'));
  p(h.right
    ? `Ferie med ydelse: ${days(h.ydelse_days)} dage; retten dækker i denne måned højst ${days(h.allowed)} dage.`
    : `Ferie med ydelse: ${days(h.ydelse_days)} dage; uden ret dækkes ingen.`);
  if (h.right)
    p(`Brugt efter denne måned: ${days(h.used_after)} dage; tilbage i ferieperioden: ${days(h.days_left)} dage.`,
      'ferie-tilbage');
  if (h.excess !== '0.00')
    sec.append(el('p', {class: 'note', id: 'ferie-ud-over'},
      `Ferie ud over retten: ${days(h.excess)} dage. ${h.excess_note_da || ''}`));
  else
    p('Ferie ud over retten: ingen.', 'ferie-ud-over');
  return sec;
}

/* One month's ledger in a line of the period table. */
function holidayShort(h) {
  if (!h) return '';
  if (h.state !== 'known') return 'ukendt';
  if (!h.right) return `ingen ret endnu (${h.run_months_after} md. i træk)`;
  return `tilbage ${days(h.days_left)} dage` + (h.excess !== '0.00' ? `; ud over retten ${days(h.excess)} dage` : '');
}

/* ---- A period: month by month ------------------------------------------------------- */

function showPeriod(results, totals) {
  const out = $('resultat');
  out.replaceChildren();
  const first = results[0], last = results[results.length - 1];
  out.append(el('h2', {id: 'resultat-titel'}, `Forhåndsberegning ${monthText(first.month)} – ${monthText(last.month)}`));
  out.append(el('p', {}, `Kategori: ${categoryText(first.category)}. Alle beløb er før skat.`));
  const weakest = results.some((r) => r.provenance === 'derived') ? 'derived' : null;
  const note = derivedNote(weakest);
  if (note) out.append(note);
  const seen = new Set();
  const warn = el('ul', {class: 'note advarsler'});
  for (const r of results) {
    const one = warningsList(r);
    if (!one) continue;
    for (const li of one.children) {
      if (seen.has(li.textContent)) continue;
      seen.add(li.textContent);
      warn.append(li.cloneNode(true));
    }
  }
  if (warn.children.length) out.append(el('h3', {}, 'Advarsler og bemærkninger'), warn);

  const ferie = results.some((r) => r.holiday);
  const t = el('table', {class: 'periode kort', id: 'periode-tabel'});
  t.append(el('thead', {}, el('tr', {}, el('th', {}, 'Måned'), el('th', {}, 'Dage og niveau'),
    el('th', {class: 'belob'}, 'Bruttoydelse'), el('th', {class: 'belob'}, 'Fradrag'),
    el('th', {class: 'belob'}, 'Til udbetaling (før skat)'), el('th', {}, 'Grundlag'),
    ferie ? el('th', {}, 'Ferie (§ 69, stk. 5)') : '')));
  const body = el('tbody');
  for (const r of results) {
    const tr = el('tr', {'data-month': r.month, class: r.segments.length > 1 ? 'split' : ''});
    const lv = el('td', {class: 'niveau'});
    r.segments.forEach((s, i) => {
      if (i) lv.append(el('br'));
      lv.append(`${spanText(s.first_day, s.last_day)}: ${kr(s.level)} kr./md. (`, refSpan(s.ref), `) = ${kr(s.amount)}`);
    });
    tr.append(el('th', {scope: 'row'}, monthText(r.month)), lv,
      el('td', {class: 'belob gross', 'data-navn': 'Bruttoydelse'}, kr(r.gross)),
      el('td', {class: 'belob deduction', 'data-navn': 'Fradrag'}, kr(r.total_deduction)),
      el('td', {class: 'belob payment', 'data-navn': 'Til udbetaling'}, kr(r.payment)),
      el('td', {class: 'provenance', 'data-navn': 'Grundlag'}, PROVENANCE[r.provenance]));
    if (ferie) tr.append(el('td', {class: 'ferie', 'data-navn': 'Ferie'}, holidayShort(r.holiday)));
    /* a month of several periods or with deductions: its working, line by line, as for one month */
    if (r.segments.length > 1 || r.deductions.some((d) => d.amount !== '0.00') || r.level.nr4) {
      const more = el('td', {class: 'udregning', colspan: ferie ? '7' : '6'});
      for (const p of levelText(r)) more.append(el('div', {}, p));
      for (const d of r.deductions)
        if (d.amount !== '0.00') more.append(el('div', {}, `${deductionText(d)}: ${kr(d.amount)} (`, refSpan(d.legal_ref), ')'));
      body.append(tr);
      tr.classList.add('har-udregning');
      body.append(el('tr', {class: 'udregning-raekke', 'data-month-of': r.month}, more));
      continue;
    }
    body.append(tr);
  }
  t.append(body);
  const foot = el('tfoot', {}, el('tr', {}, el('th', {scope: 'row'}, 'I alt'), el('td'),
    el('td', {class: 'belob', id: 'total-gross', 'data-navn': 'Bruttoydelse'}, kr(totals.gross)),
    el('td', {class: 'belob', id: 'total-deduction', 'data-navn': 'Fradrag'}, kr(totals.total_deduction)),
    el('td', {class: 'belob', id: 'total-payment', 'data-navn': 'Til udbetaling'}, kr(totals.payment)), el('td'),
    ferie ? el('td') : ''));
  t.append(foot);
  out.append(box(t));
  out.append(el('p', {class: 'lille'}, `Satstabeller: ${first.rates_id} (rfy ${first.engine.version}).`));
  out.append(el('p', {class: 'forbehold'}, 'Dette er en forhåndsberegning, ikke en afgørelse.'));
  shown(first);
}

/* ---- Wiring ---------------------------------------------------------------------- */

function periodMode() {
  return $('periode-fratil').checked;
}

function togglePeriod() {
  $('felt-maaned').classList.toggle('hidden', periodMode());
  $('felt-fratil').classList.toggle('hidden', !periodMode());
}

async function onSubmit(ev) {
  ev.preventDefault();
  $('fejl').classList.add('hidden');
  $('resultat').classList.add('hidden');
  $('udskrift').classList.add('hidden');
  $('udskriv').disabled = true;
  for (const e of document.querySelectorAll('[aria-invalid]')) e.removeAttribute('aria-invalid');

  let months;
  if (periodMode()) {
    months = monthRange($('from').value.trim(), $('to').value.trim());
    if (!months || months.length === 0) {
      showErrors([{row: null, column: 'month', reason: 'Fra og til skal være måneder (ÅÅÅÅ-MM), fra før til.'}]);
      return;
    }
    if (months.length > 120) {
      showErrors([{row: null, column: 'month', reason: 'En periode kan højst være 120 måneder.'}]);
      return;
    }
  } else {
    months = [$('month').value.trim()];
  }
  const base = formRow();
  const built = requestRows(months, base);
  if (!built) return;
  const {rows, src} = built;
  /* the holiday state is given before the first month; the engine carries it on (rules.md §8) */
  for (const r of rows.slice(1)) {
    delete r.holiday_run_months;
    delete r.holiday_used_days;
  }
  const labels = rows.map((r, i) => (periodMode() ? monthText(r.month) : '') +
    (src[i] ? `${periodMode() ? ', ' : ''}periode ${src[i] + 1}` : (periodMode() ? '' : 'periode 1')));
  let answer;
  try {
    await loadCatalogue();
    answer = await calculate(rows);
  } catch (e) {
    showErrors([{row: null, column: null, reason: 'Serveren svarer ikke: ' + e.message}]);
    return;
  }
  if (answer.status !== 200) {
    showErrors(answer.body.errors || [{row: null, column: null, reason: 'HTTP ' + answer.status}], labels, src);
    return;
  }
  if (periodMode()) showPeriod(answer.body.results, answer.body.totals);
  else showMonth(answer.body.results[0]);
  $('udskriv').disabled = false;
}

async function showEngine() {
  try {
    const resp = await fetch('/api/v1/health');
    const h = await resp.json();
    $('motor').textContent = `rfy ${h.version}, satstabeller ${h.rates_id}.`;
  } catch (e) {
    /* the footer line is a courtesy; the form works without it */
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('beregn').addEventListener('submit', onSubmit);
  $('periode-maaned').addEventListener('change', togglePeriod);
  $('periode-fratil').addEventListener('change', togglePeriod);
  $('udskriv').addEventListener('click', () => window.print());
  $('tilfoej-periode').addEventListener('click', addPeriod);
  togglePeriod();
  showEngine();
});

/*
 * "Kan det betale sig at arbejde?": the ydelse, the wage and their sum
 * against the wage (or hours), drawn as an inline SVG, with the break-even
 * wage marked, and the same numbers as a table beside it for screen readers
 * and for print.
 *
 * It reads the case from the calculation form (month, category, forløb,
 * other incomes ... but not the wage, which is what varies), asks
 * POST /api/v1/whatif and draws the answer.  It computes no amount: every
 * number shown is the API's, written the Danish way; the only arithmetic
 * here is the placing of points on the drawing.  No chart library, no
 * inline script or style (Content-Security-Policy: script-src 'self').
 */
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const SVG = 'http://www.w3.org/2000/svg';

  /* Every text of the section, in one place. */
  const T = {
    failed: 'Beregningen kunne ikke foretages',
    rejected: 'Beregningen blev afvist.',
    why: 'Begrundelse fra beregningen: ',
    noMonth: 'Udfyld måned og kategori i formularen ovenfor (én måned).',
    wageAxis: 'Løn om måneden, kr.',
    hoursAxis: 'Arbejdstimer om måneden',
    krAxis: 'kr.',
    payment: 'Ydelse',
    wage: 'Løn',
    total: 'Løn + ydelse',
    breakEven: (w) => `Ydelsen bliver 0 ved en løn på ${w} kr.`,
    breakEvenHours: (h) => ` (${h} timer)`,
    zero: 'Ydelsen er 0 allerede uden løn.',
    rule: (from, to, pct, ref) => to ? `${from}–${to} kr.: ${pct} % fradrag (${ref})`
                                     : `over ${from} kr.: ${pct} % fradrag (${ref})`,
    kept: 'Beholdt af sidste krone',
    deductions: 'Fradrag',
    hours: 'Timer',
    chart: (be) => `Graf over ydelse, løn og løn + ydelse. ${be}`,
    caption: 'Hvor meget af hver ekstra krone i løn der blev til flere penge siden linjen før (brøken er eksakt). ' +
      'Alle beløb er før skat.',
  };

  /* "14359.65" → "14.359,65" (text only). */
  function kr(s) {
    const neg = s.startsWith('-');
    const [whole, frac] = (neg ? s.slice(1) : s).split('.');
    return (neg ? '-' : '') + whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + ',' + frac;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    e.append(...children);
    return e;
  }

  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /* The case of the form's month (single-month mode), without the wage. */
  function formCase() {
    const c = {};
    const text = ['month', 'category', 'forloeb', 'start', 'end', 'children', 'prior_until',
      'holiday_ydelse_days', 'holiday_run_months', 'sanction_days'];
    const amounts = ['child_support', 'prior_amount', 'holiday_pay', 'holiday_days',
      'activation_income', 'activation_hours', 'other_income', 'sanction_amount', 'holiday_used_days'];
    for (const id of text) {
      const v = $(id) ? $(id).value.trim() : '';
      if (v) c[id] = v;
    }
    for (const id of amounts) {
      const v = $(id) ? $(id).value.trim() : '';
      if (v) c[id] = v;
    }
    if ($('prior') && $('prior').value !== 'none') {
      c.prior = $('prior').value;
      c.prior_unit = $('prior_unit').value;
    }
    return c;
  }

  function byHours() {
    return $('whatif-timer').checked;
  }

  function request() {
    /* amounts as typed ("4.650", "20.000,00"): the engine reads them the Danish way */
    const body = {amount_format: 'da', case: formCase()};
    if (byHours()) {
      body.hourly_wage = $('whatif-timeloen').value.trim();
      body.hours_from = $('whatif-timer-fra').value.trim();
      body.hours_to = $('whatif-timer-til').value.trim();
      body.hours_step = $('whatif-timer-trin').value.trim();
    } else {
      body.wage_from = $('whatif-fra').value.trim();
      body.wage_to = $('whatif-til').value.trim();
      body.step = $('whatif-trin').value.trim();
    }
    return body;
  }

  /* The name of field `column` as its label in the page says it. */
  function fieldName(column) {
    const ids = {wage_from: 'whatif-fra', wage_to: 'whatif-til', step: 'whatif-trin',
      hourly_wage: 'whatif-timeloen', hours_from: 'whatif-timer-fra', hours_to: 'whatif-timer-til',
      hours_step: 'whatif-timer-trin'};
    const label = document.querySelector(`label[for="${ids[column] || column}"]`);
    return label ? label.firstChild.textContent.trim() : column;
  }

  function showErrors(errors) {
    const box = $('whatif-fejl');
    const ul = el('ul');
    for (const e of errors) {
      const li = el('li', {'data-column': e.column || ''});
      if (e.column) li.append(el('strong', {}, fieldName(e.column) + ': '));
      li.append(T.rejected, el('br'), el('small', {}, T.why + e.reason));
      ul.append(li);
    }
    box.replaceChildren(el('h3', {}, T.failed), ul);
    box.classList.remove('hidden');
    $('whatif-resultat').classList.add('hidden');
  }

  /* ---- the drawing ---------------------------------------------------------- */

  const W = 640, H = 380, L = 64, R = 30, TOP = 28, B = 48;

  /* A round step for about n axis ticks over [0, max]. */
  function tickStep(max, n) {
    const raw = max / n;
    const p = Math.pow(10, Math.floor(Math.log10(raw || 1)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
    return 10 * p;
  }

  function tickText(v) {
    return Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  }

  function draw(a) {
    const hours = a.hourly_wage !== undefined;
    const xs = a.rows.map((r) => parseFloat(hours ? r.hours : r.wage));
    const xMin = xs[0], xMax = xs[xs.length - 1] > xMin ? xs[xs.length - 1] : xMin + 1;
    const yMax = Math.max(1, ...a.rows.map((r) => parseFloat(r.total)));
    const X = (v) => L + (v - xMin) / (xMax - xMin) * (W - L - R);
    const Y = (v) => TOP + (1 - v / yMax) * (H - TOP - B);
    const beX = hours ? parseFloat(a.break_even_hours) : parseFloat(a.break_even_wage);
    const beText = parseFloat(a.break_even_wage) > 0
      ? T.breakEven(kr(a.break_even_wage)) + (hours ? T.breakEvenHours(kr(a.break_even_hours)) : '')
      : T.zero;

    const s = svg('svg', {viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': T.chart(beText),
      class: 'whatif-graf', id: 'whatif-graf'});
    s.append(svg('title', {}, T.chart(beText)));
    // axes and ticks
    const ys = tickStep(yMax, 6), xt = tickStep(xMax - xMin, 6);
    for (let v = 0; v <= yMax + 1e-9; v += ys) {
      s.append(svg('line', {x1: L, x2: W - R, y1: Y(v), y2: Y(v), class: 'gitter'}));
      s.append(svg('text', {x: L - 6, y: Y(v) + 4, class: 'akse-tal', 'text-anchor': 'end'}, tickText(v)));
    }
    for (let v = Math.ceil(xMin / xt) * xt; v <= xMax + 1e-9; v += xt) {
      s.append(svg('line', {x1: X(v), x2: X(v), y1: H - B, y2: H - B + 5, class: 'akse'}));
      s.append(svg('text', {x: X(v), y: H - B + 18, class: 'akse-tal', 'text-anchor': 'middle'},
        tickText(v)));
    }
    s.append(svg('line', {x1: L, x2: W - R, y1: H - B, y2: H - B, class: 'akse'}));
    s.append(svg('line', {x1: L, x2: L, y1: TOP, y2: H - B, class: 'akse'}));
    s.append(svg('text', {x: (L + W - R) / 2, y: H - 8, class: 'akse-navn', 'text-anchor': 'middle'},
      hours ? T.hoursAxis : T.wageAxis));
    s.append(svg('text', {x: L - 6, y: TOP - 8, class: 'akse-navn', 'text-anchor': 'end'}, T.krAxis));
    // the three lines, each named where it does not meet the others: the
    // ydelse at the left, the wage two thirds along, the sum at the right
    const at = [0, Math.floor((a.rows.length - 1) * 2 / 3), a.rows.length - 1];
    const lines = [['payment', 'linje-ydelse', T.payment, 'start', -8],
      ['wage', 'linje-loen', T.wage, 'start', 16], ['total', 'linje-sum', T.total, 'end', -8]];
    lines.forEach(([key, cls, name, anchor, dy], k) => {
      const pts = a.rows.map((r, i) => `${X(xs[i]).toFixed(1)},${Y(parseFloat(r[key])).toFixed(1)}`);
      s.append(svg('polyline', {points: pts.join(' '), class: cls, 'data-serie': key}));
      const i = at[k];
      s.append(svg('text', {x: X(xs[i]) + (anchor === 'start' ? 6 : -4), y: Y(parseFloat(a.rows[i][key])) + dy,
        class: 'serie-navn ' + cls, 'text-anchor': anchor}, name));
    });
    // the break-even, marked and labelled
    if (parseFloat(a.break_even_wage) > 0 && beX >= xMin && beX <= xMax) {
      const g = svg('g', {id: 'whatif-break-even', class: 'break-even', 'data-wage': a.break_even_wage});
      g.append(svg('line', {x1: X(beX), x2: X(beX), y1: TOP, y2: H - B, class: 'break-even-linje'}));
      g.append(svg('circle', {cx: X(beX), cy: Y(0), r: 5, class: 'break-even-punkt'}));
      const right = X(beX) < W / 2;
      g.append(svg('text', {x: X(beX) + (right ? 8 : -8), y: TOP + 14, class: 'break-even-tekst',
        'text-anchor': right ? 'start' : 'end'}, beText));
      s.append(g);
    }
    return {svg: s, text: beText};
  }

  function table(a) {
    const hours = a.hourly_wage !== undefined;
    const head = el('tr', {}, ...(hours ? [el('th', {scope: 'col'}, T.hours)] : []),
      el('th', {scope: 'col', class: 'belob'}, T.wage), el('th', {scope: 'col', class: 'belob'}, T.payment),
      el('th', {scope: 'col', class: 'belob'}, T.deductions), el('th', {scope: 'col', class: 'belob'}, T.total),
      el('th', {scope: 'col'}, T.kept));
    const body = el('tbody');
    for (const r of a.rows) {
      const kept = r.kept_of_last_krone === null ? '–' : `${r.kept_of_last_krone} (${kr(r.kept_of_last_krone_pct)} %)`;
      body.append(el('tr', {}, ...(hours ? [el('td', {class: 'belob'}, kr(r.hours))] : []),
        el('td', {class: 'belob'}, kr(r.wage)), el('td', {class: 'belob'}, kr(r.payment)),
        el('td', {class: 'belob'}, kr(r.deductions)), el('td', {class: 'belob'}, kr(r.total)),
        el('td', {}, kept)));
    }
    return el('table', {id: 'whatif-tabel'}, el('caption', {class: 'lille'}, T.caption), el('thead', {}, head), body);
  }

  function show(a) {
    const d = draw(a);
    const rules = el('ul', {class: 'whatif-regler'});
    for (const s of a.segments)
      rules.append(el('li', {}, T.rule(kr(s.from), s.to ? kr(s.to) : null, s.deduction_pct, s.ref)));
    $('whatif-resultat').replaceChildren(
      el('p', {id: 'whatif-break-even-tekst', class: 'whatif-svar', 'data-wage': a.break_even_wage}, d.text),
      rules,
      el('div', {class: 'whatif-side'}, el('figure', {class: 'whatif-figur'}, d.svg), table(a)));
    $('whatif-fejl').classList.add('hidden');
    $('whatif-resultat').classList.remove('hidden');
  }

  async function onSubmit(ev) {
    ev.preventDefault();
    const body = request();
    if (!body.case.month || !body.case.category) {
      showErrors([{column: 'month', reason: T.noMonth}]);
      return;
    }
    let res, answer;
    try {
      res = await fetch('/api/v1/whatif', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(body)});
      answer = await res.json();
    } catch (e) {
      showErrors([{column: null, reason: String(e)}]);
      return;
    }
    if (res.ok) show(answer);
    else showErrors(answer.errors || [{column: null, reason: 'HTTP ' + res.status}]);
  }

  function toggle() {
    $('whatif-felt-loen').classList.toggle('hidden', byHours());
    $('whatif-felt-timer').classList.toggle('hidden', !byHours());
  }

  document.addEventListener('DOMContentLoaded', () => {
    if (!$('whatif-form')) return;
    $('whatif-form').addEventListener('submit', onSubmit);
    $('whatif-loen').addEventListener('change', toggle);
    $('whatif-timer').addEventListener('change', toggle);
  });
})();

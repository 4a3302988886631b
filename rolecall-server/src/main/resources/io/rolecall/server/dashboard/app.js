// rolecall dashboard: a single-page app over the engine's JSON API, no dependency and no build step.
// Everything AWS returns (names, tags, policy documents, evidence) is hostile: the DOM is built with createElement and
// text nodes only, never parsed as HTML, and every link the page makes is a '#/...' route built from encoded parts.
'use strict';
(() => {
  const KEY = 'rolecall-engine-token';
  const PAGE = 50;
  const SEVERITIES = ['critical', 'high', 'medium', 'low'];
  const LEVELS = ['admin', 'escalate', 'write', 'read'];
  const $ = (id) => document.getElementById(id);
  const enc = encodeURIComponent;

  // ---- DOM helpers: attributes and text only ----

  function el(tag, attrs, ...children) {
    return fill(document.createElement(tag), attrs, children);
  }

  function svg(tag, attrs, ...children) {
    return fill(document.createElementNS('http://www.w3.org/2000/svg', tag), attrs, children);
  }

  function fill(e, attrs, children) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.setAttribute('class', v);
      else if (k === 'text') e.textContent = String(v);
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  // A route link: '#/name[/arg]?params', each part encoded (the only hrefs the page writes).
  function route(name, arg, params) {
    let h = '#/' + name + (arg ? '/' + enc(arg) : '');
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== '') q.set(k, v);
    const s = q.toString();
    return s ? h + '?' + s : h;
  }

  function link(text, name, arg, params, attrs) {
    return el('a', Object.assign({ href: route(name, arg, params) }, attrs || {}), text);
  }

  function go(hash) {
    if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = hash;
  }

  const text = (v) => (v === null || v === undefined ? '' : String(v));
  const when = (iso) => (iso ? String(iso).replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '');

  function age(seconds) {
    if (seconds === null || seconds === undefined) return 'never';
    if (seconds < 90) return seconds + ' s';
    if (seconds < 5400) return Math.round(seconds / 60) + ' min';
    if (seconds < 129600) return Math.round(seconds / 3600) + ' h';
    return Math.round(seconds / 86400) + ' d';
  }

  // The last part of an ARN or key, for node labels and names.
  function short(id) {
    const s = text(id);
    const i = Math.max(s.lastIndexOf('/'), s.lastIndexOf(':'));
    return i >= 0 && i < s.length - 1 ? s.slice(i + 1) : s;
  }

  function isPrincipalArn(s) {
    return /^arn:aws[a-z-]*:iam::\d{12}:(user|role|group)\//.test(text(s));
  }

  function principalLink(id, label) {
    return isPrincipalArn(id) ? link(label || short(id), 'principal', id, null, { title: id }) : el('span', { title: id }, label || id);
  }

  function badge(value, kind) {
    return el('span', { class: 'badge ' + kind + '-' + text(value).replace(/[^a-z-]/g, '') }, text(value));
  }

  // A table inside a horizontally scrolling region (focusable, so keyboard users can scroll it).
  // columns: [{label, num, sort}] where sort is the API's sort field; state.sort is "field" or "-field".
  function table(caption, columns, rows, state) {
    const head = el('tr', null, columns.map((c) => {
      const th = el('th', { scope: 'col', class: c.num ? 'num' : null });
      if (c.sort && state && state.onSort) {
        const current = state.sort === c.sort ? 'ascending' : state.sort === '-' + c.sort ? 'descending' : null;
        if (current) th.setAttribute('aria-sort', current);
        th.append(el('button', { type: 'button', class: 'sort', onclick: () => state.onSort(
          current === 'ascending' ? '-' + c.sort : c.sort) }, c.label,
        el('span', { class: 'arrow', 'aria-hidden': 'true' }, current === 'ascending' ? ' ▲' : current === 'descending' ? ' ▼' : '')));
      } else {
        th.textContent = c.label;
      }
      return th;
    }));
    const body = rows.length ? rows.map((r) => el('tr', null, r.map((v, i) =>
      el(i === 0 && columns[0].rowHeader ? 'th' : 'td', { class: columns[i] && columns[i].num ? 'num' : null,
        scope: i === 0 && columns[0].rowHeader ? 'row' : null }, v))))
      : [el('tr', null, el('td', { colspan: columns.length, class: 'muted' }, 'Nothing to show.'))];
    return el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
      el('table', null, el('caption', null, caption), el('thead', null, head), el('tbody', null, body)));
  }

  function section(title, ...children) {
    const id = 'h-' + title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return el('section', { 'aria-labelledby': id }, el('h3', { id }, title), children);
  }

  function heading(title, sub) {
    return el('div', { class: 'view-head' }, el('h2', { id: 'view-title', tabindex: '-1' }, title),
      sub ? el('p', { class: 'muted' }, sub) : null);
  }

  function field(label, input) {
    return el('div', { class: 'field' }, el('label', { for: input.id }, label), input);
  }

  function select(id, options, value) {
    return el('select', { id, name: id }, options.map(([v, label]) =>
      el('option', { value: v, selected: v === (value || '') }, label)));
  }

  function input(id, value, attrs) {
    return el('input', Object.assign({ id, name: id, value: value || '' }, attrs || {}));
  }

  // A filter form whose submit navigates to the same view with the form's values in the hash (a stable link).
  function filterForm(id, name, arg, fields, read, extra) {
    return el('form', { id, class: 'filters', role: 'search', onsubmit: (e) => {
      e.preventDefault();
      go(route(name, arg, read()));
    } }, fields, el('button', { type: 'submit', id: id + '-apply' }, 'Apply'), extra || null);
  }

  function notice(message, kind) {
    return el('p', { class: 'notice ' + (kind || '') }, message);
  }

  function definitions(pairs) {
    return el('dl', { class: 'facts' }, pairs.filter((p) => p[1] !== null && p[1] !== undefined && p[1] !== '')
      .map(([k, v]) => [el('dt', null, k), el('dd', null, v)]));
  }

  // ---- API ----

  function token() { return sessionStorage.getItem(KEY); }

  async function api(path, method, body) {
    const res = await fetch(path, {
      method: method || 'GET',
      cache: 'no-store',
      headers: Object.assign({ Authorization: 'Bearer ' + token() }, body ? { 'Content-Type': 'application/json' } : {}),
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = await res.json().catch(() => ({}));
    if (res.status === 401) {
      sessionStorage.removeItem(KEY);
      showLogin('The engine refused the token.');
    }
    if (!res.ok) {
      const e = new Error(data.error || res.statusText);
      e.status = res.status;
      throw e;
    }
    return data;
  }

  // Before the first sync the store has nothing to read: the API answers 404 and the view says so.
  async function orNoSync(promise) {
    try { return await promise; } catch (e) { if (e.status === 404) return null; throw e; }
  }

  function noSync() {
    return el('div', null, notice('No finished sync in the store yet.'), el('p', null, link('Start a sync', 'jobs')));
  }

  // ---- token and who you are ----

  // A link may carry the token as #token=...: keep it for this tab, then drop it from the address bar and history.
  function tokenFromFragment() {
    const m = /^#(?:.*&)?token=([^&]*)/.exec(location.hash);
    if (!m) return false;
    let value = m[1];
    try { value = decodeURIComponent(value); } catch (e) { /* keep it as given */ }
    history.replaceState(null, '', location.pathname + location.search + '#/overview');
    if (value) sessionStorage.setItem(KEY, value);
    return true;
  }

  function showLogin(message) {
    $('login').hidden = false;
    $('app').hidden = true;
    $('nav').hidden = true;
    $('logout').hidden = true;
    $('whoami').textContent = 'not connected';
    $('login-error').textContent = message || '';
  }

  async function connect() {
    const who = await api('/v1/whoami');
    $('login').hidden = true;
    $('app').hidden = false;
    $('nav').hidden = false;
    $('logout').hidden = false;
    $('whoami').textContent = who.name ? 'Signed in as ' + who.name : 'Signed in with the engine token';
  }

  // ---- the router ----

  let seq = 0;
  let connected = false;
  let shownView = null;
  let firstRender = true;

  function parseHash() {
    const h = location.hash.replace(/^#\/?/, '');
    const q = h.indexOf('?');
    const path = q < 0 ? h : h.slice(0, q);
    const parts = path.split('/').filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch (e) { return p; } });
    return { name: parts[0] || 'overview', arg: parts.slice(1).join('/'), params: new URLSearchParams(q < 0 ? '' : h.slice(q + 1)) };
  }

  async function render(start) {
    tokenFromFragment();
    // Only '#/...' is a route: the skip link's '#main' and other fragments leave the view as it is.
    if (location.hash && !location.hash.startsWith('#/')) return;
    const my = ++seq;
    if (!token()) { connected = false; showLogin(); return; }
    if (!connected) {
      try { await connect(); connected = true; } catch (e) {
        if (e.status !== 401) showLogin('Cannot reach the engine: ' + e.message);
        return;
      }
    }
    const r = parseHash();
    const view = VIEWS[r.name];
    document.querySelectorAll('#nav a').forEach((a) => {
      if (a.dataset.view === (r.name === 'principal' ? 'identities' : r.name)) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    const box = $('view');
    box.setAttribute('aria-busy', 'true');
    const ctx = { name: r.name, arg: r.arg, params: r.params, current: () => my === seq };
    let node;
    try {
      node = view ? await view(ctx) : el('div', null, heading('Not found'), notice('No view ' + r.name + '.'));
    } catch (e) {
      node = el('div', null, heading(TITLES[r.name] || 'Error'), notice('The engine answered: ' + e.message, 'error'));
    }
    if (my !== seq) return;
    const focused = document.activeElement && document.activeElement.id;
    box.replaceChildren(node);
    box.removeAttribute('aria-busy');
    document.title = (TITLES[r.name] || r.name) + ' · rolecall';
    // A new view moves focus to its heading (screen readers hear where they are); a filter keeps its field focused.
    const again = focused && shownView === r.name ? $(focused) : null;
    if (again) again.focus();
    else if (shownView !== null && shownView !== r.name) $('view-title') && $('view-title').focus();
    shownView = r.name;
    // When the view finished rendering: the measures tests and people read (performance.getEntriesByType('measure')).
    const end = performance.now();
    performance.measure('rolecall ' + r.name, { start, end });
    if (firstRender) performance.measure('rolecall load', { start: 0, end });
    firstRender = false;
    box.dataset.rendered = r.name;
    if (ctx.after) ctx.after();
  }

  const TITLES = { overview: 'Overview', findings: 'Findings', identities: 'Identities', principal: 'Principal',
    access: 'Access', changes: 'Changes', jobs: 'Jobs and schedules', audit: 'Audit journal' };

  // ---- Overview ----

  function barChart(title, bars) {
    const max = Math.max(1, ...bars.map((b) => b.value));
    const row = 26;
    const labelW = 250;
    const barW = 300;
    const h = bars.length * row + 8;
    const id = 'chart-' + title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return svg('svg', { class: 'chart', role: 'img', 'aria-labelledby': id, viewBox: '0 0 ' + (labelW + barW + 60) + ' ' + h,
      preserveAspectRatio: 'xMinYMin meet' },
    svg('title', { id }, title + ': ' + bars.map((b) => b.label + ' ' + b.value).join(', ')),
    bars.map((b, i) => {
      const y = i * row + 4;
      const w = Math.round((b.value / max) * barW);
      return svg('g', null,
        svg('text', { x: labelW - 8, y: y + 16, 'text-anchor': 'end', class: 'chart-label' }, b.label.length > 34 ? b.label.slice(0, 33) + '…' : b.label),
        svg('rect', { x: labelW, y: y + 3, width: Math.max(w, 1), height: row - 8, class: 'bar ' + (b.cls || '') }),
        svg('text', { x: labelW + Math.max(w, 1) + 6, y: y + 16, class: 'chart-value' }, String(b.value)));
    }));
  }

  async function overview(ctx) {
    const since = ctx.params.get('since') || '24h';
    const o = await orNoSync(api('/v1/inventory/overview?since=' + enc(since)));
    const head = heading('Overview', 'Every account\'s state and the open findings.');
    if (!o) return el('div', null, head, noSync());
    const f = o.findings;
    const status = { ok: 0, partial: 0, error: 0, 'not-assessed': 0 };
    o.accounts.forEach((a) => { status[a.status] = (status[a.status] || 0) + 1; });
    const open = SEVERITIES.reduce((n, s) => n + (f.bySeverity[s] || 0), 0);
    const form = filterForm('overview-filters', 'overview', null,
      field('New and resolved since', select('overview-since', [['1h', 'an hour ago'], ['24h', 'yesterday (24 h)'],
        ['7d', 'a week ago'], ['30d', 'a month ago']], since)), () => ({ since: $('overview-since').value }));
    const stats = el('ul', { class: 'stats', id: 'overview-stats' },
      el('li', null, el('strong', null, String(o.accounts.length)), ' accounts: ', status.ok + ' ok, ' + status.partial
        + ' partial, ' + status.error + ' error, ' + status['not-assessed'] + ' not assessed'),
      el('li', null, el('strong', null, String(open)), ' open findings'),
      el('li', null, el('strong', { id: 'overview-new' }, String(f.new)), ' new since ' + when(f.since)),
      el('li', null, el('strong', { id: 'overview-resolved' }, String(f.resolved)), ' resolved since then'));
    const charts = el('div', { class: 'charts' },
      section('Open findings by severity', barChart('Open findings by severity',
        SEVERITIES.map((s) => ({ label: s, value: f.bySeverity[s] || 0, cls: 'sev-' + s })))),
      section('Open findings by rule', f.byRule.length ? barChart('Open findings by rule',
        f.byRule.slice(0, 12).map((r) => ({ label: r.rule, value: r.count, cls: 'sev-' + r.severity })))
        : notice('No open finding.')));
    const rows = o.accounts.map((a) => [
      link(a.account, 'findings', null, { account: a.account }, { 'aria-label': 'Findings of ' + a.account }),
      badge(a.status, 'status'),
      el('span', { title: text(a.collectedAt) }, age(a.ageSeconds)),
      ...SEVERITIES.map((s) => String((a.findings || {})[s] || 0)),
      text(a.error || a.notAssessed)]);
    return el('div', null, head, form, stats, charts,
      section('Accounts', table('Accounts: status, data age and open findings by severity',
        [{ label: 'Account', rowHeader: true }, { label: 'Status' }, { label: 'Data age' },
          ...SEVERITIES.map((s) => ({ label: s[0].toUpperCase() + s.slice(1), num: true })), { label: 'Note' }], rows)));
  }

  // ---- Findings ----

  const FINDING_FILTERS = ['severity', 'rule', 'account', 'status', 'q', 'sort'];
  const pageTokens = new Map(); // filters + offset -> the API's nextToken for that page

  function findingQuery(params) {
    const q = new URLSearchParams();
    for (const k of FINDING_FILTERS) if (params.get(k)) q.set(k, params.get(k));
    return q;
  }

  function csvCell(v) {
    let s = text(v);
    // A spreadsheet runs a cell that starts with one of these as a formula: make it text.
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  const CSV_COLUMNS = ['id', 'severity', 'rule', 'accountId', 'principal', 'status', 'stale', 'firstSeen', 'lastSeen',
    'resolvedAt', 'suppressedReason', 'evidence', 'fix'];

  function findingsCsv(list) {
    const lines = [CSV_COLUMNS.join(',')];
    for (const f of list) {
      const row = Object.assign({}, f, { suppressedReason: f.suppression ? f.suppression.reason : '',
        fix: f.fix ? (f.fix.commandLine || 'no automatic fix: ' + text(f.fix.reason)) : '' });
      lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
    }
    return lines.join('\r\n') + '\r\n';
  }

  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = el('a', { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  async function exportFindings(params, kind, status) {
    status.textContent = 'Exporting…';
    try {
      const all = await api('/v1/inventory/findings?' + findingQuery(params).toString());
      if (kind === 'csv') download('rolecall-findings.csv', 'text/csv;charset=utf-8', findingsCsv(all.findings));
      else download('rolecall-findings.json', 'application/json', JSON.stringify(all.findings, null, 2));
      status.textContent = 'Exported ' + all.findings.length + ' findings as ' + kind.toUpperCase() + '.';
    } catch (e) {
      status.textContent = 'Export failed: ' + e.message;
    }
  }

  async function findings(ctx) {
    if (ctx.arg) return finding(ctx);
    const p = ctx.params;
    // An offset means something only with the token of its page: without one this is the first page.
    const from = p.get('next') ? Math.max(0, parseInt(p.get('from') || '0', 10) || 0) : 0;
    const base = findingQuery(p);
    const key = base.toString();
    const q = new URLSearchParams(base);
    q.set('limit', String(PAGE));
    if (from > 0) q.set('nextToken', p.get('next'));
    const data = await orNoSync(api('/v1/inventory/findings?' + q.toString()));
    const head = heading('Findings', 'Tracked findings of the current state, grouped by rule.');
    if (!data) return el('div', null, head, noSync());
    pageTokens.set(key + '@' + (from + PAGE), data.nextToken);
    const params = Object.fromEntries(FINDING_FILTERS.map((k) => [k, p.get(k)]));
    const rules = data.groups.map((g) => g.rule);
    if (p.get('rule') && !rules.includes(p.get('rule'))) rules.push(p.get('rule'));
    const form = filterForm('findings-filters', 'findings', null, [
      field('Severity', select('f-severity', [['', 'any'], ...SEVERITIES.map((s) => [s, s])], p.get('severity'))),
      field('Rule', select('f-rule', [['', 'any'], ...rules.map((r) => [r, r])], p.get('rule'))),
      field('Account', input('f-account', p.get('account'), { size: 14, inputmode: 'numeric', placeholder: '12-digit id' })),
      field('Status', select('f-status', [['', 'open and suppressed'], ['open', 'open'], ['suppressed', 'suppressed'],
        ['resolved', 'resolved'], ['all', 'all']], p.get('status'))),
      field('Search', input('f-q', p.get('q'), { type: 'search', size: 24 })),
    ], () => ({ severity: $('f-severity').value, rule: $('f-rule').value, account: $('f-account').value.trim(),
      status: $('f-status').value, q: $('f-q').value.trim(), sort: p.get('sort') }));
    const exportStatus = el('p', { id: 'export-status', class: 'muted', role: 'status' });
    const exports = el('div', { class: 'actions' },
      el('button', { type: 'button', id: 'export-csv', onclick: () => exportFindings(p, 'csv', exportStatus) }, 'Export CSV'),
      el('button', { type: 'button', id: 'export-json', onclick: () => exportFindings(p, 'json', exportStatus) }, 'Export JSON'),
      exportStatus);
    const groups = el('ul', { class: 'groups', id: 'finding-groups' }, data.groups.map((g) => el('li', null,
      link(g.rule, 'findings', null, Object.assign({}, params, { rule: g.rule, sort: params.sort })), ' ',
      badge(g.severity, 'sev'), ' ', el('span', { class: 'count' }, String(g.count)))));
    const sortTo = (s) => go(route('findings', null, Object.assign({}, params, { sort: s })));
    const rows = data.findings.map((f) => [
      badge(f.severity, 'sev'),
      link(f.rule, 'findings', f.id, null, { title: 'Finding ' + f.id }),
      link(f.accountId, 'findings', null, Object.assign({}, params, { account: f.accountId })),
      principalLink(f.principal),
      el('span', null, f.status + (f.stale ? ' (stale)' : ''),
        f.suppression ? el('span', { class: 'reason' }, ' — ' + f.suppression.reason) : null),
      when(f.firstSeen),
      f.evidence]);
    const shownTo = from + data.findings.length;
    const pager = el('nav', { class: 'pager', 'aria-label': 'Finding pages' },
      el('span', { id: 'findings-count' }, data.total ? 'Showing ' + (from + 1) + '–' + shownTo + ' of ' + data.total
        : 'No finding matches.'),
      from > 0 ? link('Previous page', 'findings', null, Object.assign({}, params, { from: from - PAGE > 0 ? from - PAGE : null,
        next: from - PAGE > 0 ? pageTokens.get(key + '@' + (from - PAGE)) : null })) : null,
      data.nextToken ? link('Next page', 'findings', null, Object.assign({}, params, { from: from + PAGE, next: data.nextToken })) : null);
    const coverage = data.coverage && data.coverage.length ? section('Accounts not assessed', table('Accounts the findings could not judge',
      [{ label: 'Account', rowHeader: true }, { label: 'Status' }, { label: 'Collected' }, { label: 'Why' }],
      data.coverage.map((g) => [g.accountId, g.status, when(g.collectedAt), g.reason]))) : null;
    return el('div', null, head, form, exports,
      el('div', { class: 'split' },
        section('By rule', groups.children.length ? groups : notice('No finding matches.')),
        el('section', { 'aria-labelledby': 'h-findings-list', class: 'grow' }, el('h3', { id: 'h-findings-list' }, 'Findings'),
          table('Findings (sortable by column)', [
            { label: 'Severity', sort: 'severity' }, { label: 'Rule', sort: 'rule' }, { label: 'Account', sort: 'accountId' },
            { label: 'Principal or resource', sort: 'principal' }, { label: 'Status', sort: 'status' },
            { label: 'First seen', sort: 'firstSeen' }, { label: 'Evidence', sort: 'evidence' }], rows,
          { sort: p.get('sort'), onSort: sortTo }), pager)),
      (data.warnings || []).map((w) => notice(w, 'warn')), coverage);
  }

  async function finding(ctx) {
    const id = ctx.arg;
    const data = await orNoSync(api('/v1/inventory/findings?status=all&q=' + enc(id)));
    const f = data && data.findings.find((x) => x.id === id);
    const back = el('p', null, link('All findings', 'findings'));
    if (!f) return el('div', null, heading('Finding ' + id), back, notice('No finding ' + id + ' in the current state.'));
    const fix = f.fix || {};
    const result = el('div', { id: 'dry-run-result', 'aria-live': 'polite' });
    const dry = fix.command ? el('button', { type: 'button', id: 'dry-run', onclick: async (e) => {
      e.target.disabled = true;
      result.replaceChildren(el('p', { class: 'muted' }, 'Running a dry run of ' + fix.command + '…'));
      try {
        const args = Object.assign({}, fix.arguments, { dry_run: 'true' });
        const r = await api('/v1/commands/' + enc(fix.command), 'POST', { args });
        result.replaceChildren(el('h4', null, 'Dry run of ' + r.command + ': ' + (r.ok ? 'ok, nothing was changed' : 'failed')),
          r.humanReadable ? el('pre', { class: 'output', tabindex: '0' }, r.humanReadable) : null,
          r.errors.length ? el('ul', { class: 'error' }, r.errors.map((x) => el('li', null, x.accountId + ': ' + x.error))) : null,
          r.warnings.length ? el('ul', { class: 'warn' }, r.warnings.map((w) => el('li', null, w))) : null);
      } catch (err) {
        result.replaceChildren(el('p', { class: 'error' }, 'The engine refused the dry run: ' + err.message));
      } finally {
        e.target.disabled = false;
      }
    } }, 'Dry run') : null;
    return el('div', null, heading(f.rule, 'Finding ' + f.id), back,
      definitions([['Severity', badge(f.severity, 'sev')], ['Account', link(f.accountId, 'findings', null, { account: f.accountId })],
        ['Principal or resource', principalLink(f.principal, f.principal)], ['Status', f.status + (f.stale ? ' (stale: the account\'s data is old)' : '')],
        ['First seen', when(f.firstSeen)], ['Last seen', when(f.lastSeen)], ['Resolved', when(f.resolvedAt)], ['Evidence', f.evidence]]),
      f.suppression ? section('Suppression', definitions([['Reason', el('span', { id: 'suppression-reason' }, f.suppression.reason)],
        ['Expires', f.suppression.expires], ['Rule', f.suppression.rule], ['Principal pattern', f.suppression.principal]])) : null,
      section('Fix', fix.command ? [el('pre', { class: 'output', tabindex: '0', id: 'fix-command' }, el('code', null, fix.commandLine)),
        el('p', { class: 'muted' }, 'A dry run reads the current state and shows the change without writing it.'), dry, result]
        : notice('No automatic fix: ' + text(fix.reason))));
  }

  // ---- Identities ----

  const KINDS = [['users', 'IAM users', 'user'], ['roles', 'IAM roles', 'role'], ['groups', 'IAM groups', 'group'],
    ['idc-users', 'Identity Center users', 'idc-user'], ['idc-groups', 'Identity Center groups', 'idc-group']];

  function itemName(i) {
    return i.userName || i.roleName || i.groupName || i.displayName || short(i.id);
  }

  function identityLink(i) {
    return i.kind && i.kind.startsWith('idc-') ? link(itemName(i), 'principal', i.id, { kind: i.kind })
      : link(itemName(i), 'principal', i.id, null, { title: i.id });
  }

  async function identities(ctx) {
    const p = ctx.params;
    const kind = KINDS.some((k) => k[0] === p.get('kind')) ? p.get('kind') : 'users';
    const q = (p.get('q') || '').trim();
    // An offset means something only with the token of its page: without one this is the first page.
    const from = p.get('next') ? Math.max(0, parseInt(p.get('from') || '0', 10) || 0) : 0;
    const qs = (k, limit, next) => '/v1/inventory/list/' + k + '?limit=' + limit + (q ? '&q=' + enc(q) : '')
      + (next ? '&nextToken=' + enc(next) : '');
    const head = heading('Identities', 'IAM users, roles and groups, and Identity Center users and groups, of the current state.');
    const pages = await orNoSync(Promise.all(KINDS.map((k) => api(qs(k[0], k[0] === kind ? PAGE : 1,
      k[0] === kind && from > 0 ? p.get('next') : null)))));
    if (!pages) return el('div', null, head, noSync());
    const page = pages[KINDS.findIndex((k) => k[0] === kind)];
    const form = filterForm('identities-filters', 'identities', null,
      field('Search names, ARNs and accounts', input('identity-q', q, { type: 'search', size: 32 })),
      () => ({ kind, q: $('identity-q').value.trim() }));
    const tabs = el('nav', { 'aria-label': 'Identity kinds', class: 'tabs' }, el('ul', null, KINDS.map((k, i) => el('li', null,
      link(k[1] + ' (' + pages[i].total + ')', 'identities', null, { kind: k[0], q }, k[0] === kind ? { 'aria-current': 'page' } : null)))));
    // The token that opened each page, so Previous goes back a page (a bookmarked deep page falls back to the first).
    const key = kind + '|' + q;
    pageTokens.set(key + '@' + from, from > 0 ? p.get('next') : null);
    const back = from - PAGE > 0 ? pageTokens.get(key + '@' + (from - PAGE)) : null;
    const previous = from - PAGE > 0 && !back ? link('First page', 'identities', null, { kind, q })
      : link('Previous page', 'identities', null, { kind, q, from: from - PAGE > 0 ? from - PAGE : null, next: back });
    const rows = page.items.map((i) => [identityLink(i), i.kind, i.accountId, el('span', { class: 'mono' }, i.id),
      when(i.createDate || i.createdDate)]);
    const pager = el('nav', { class: 'pager', 'aria-label': 'Identity pages' },
      el('span', { id: 'identities-count' }, page.total ? 'Showing ' + (from + 1) + '–' + (from + page.items.length) + ' of '
        + page.total + ' ' + KINDS.find((k) => k[0] === kind)[1] : 'No identity matches.'),
      from > 0 ? previous : null,
      page.nextToken ? link('Next page', 'identities', null, { kind, q, from: from + PAGE, next: page.nextToken }) : null);
    return el('div', null, head, form, tabs,
      table(KINDS.find((k) => k[0] === kind)[1], [{ label: 'Name', rowHeader: true }, { label: 'Kind' }, { label: 'Account' },
        { label: 'ARN or id' }, { label: 'Created' }], rows), pager);
  }

  // ---- Principal page ----

  function list(v) { return v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]; }

  function principalText(p) {
    if (typeof p === 'string') return p;
    return Object.entries(p || {}).map(([k, v]) => k + ': ' + list(v).join(', ')).join('; ');
  }

  function conditionLines(c) {
    const out = [];
    for (const [op, keys] of Object.entries(c || {})) {
      for (const [k, v] of Object.entries(keys || {})) out.push(k + ' ' + op + ' ' + list(v).join(', '));
    }
    return out;
  }

  // A policy document as statements a person reads: effect, actions, resources, principals, conditions.
  function policyDocument(doc) {
    let d = doc;
    if (typeof d === 'string') {
      try { d = JSON.parse(d); } catch (e) {
        try { d = JSON.parse(decodeURIComponent(d)); } catch (e2) { return el('pre', { class: 'output', tabindex: '0' }, doc); }
      }
    }
    if (!d) return el('p', { class: 'muted' }, 'Document not in the store.');
    const statements = list(d.Statement);
    return el('ol', { class: 'statements' }, statements.map((s) => el('li', { class: 'statement' },
      el('p', null, badge(s.Effect || '?', 'effect'), s.Sid ? el('span', { class: 'muted' }, ' ' + s.Sid) : null),
      definitions([
        [s.NotAction ? 'Every action except' : 'Actions', list(s.NotAction || s.Action).join(', ')],
        [s.NotResource ? 'Every resource except' : 'Resources', list(s.NotResource || s.Resource).join(', ')],
        [s.NotPrincipal ? 'Every principal except' : 'Principals', s.NotPrincipal || s.Principal ? principalText(s.NotPrincipal || s.Principal) : null],
        ['Conditions', s.Condition ? el('ul', null, conditionLines(s.Condition).map((l) => el('li', null, l))) : null]]))));
  }

  function hopsText(path) {
    if (!path || !path.length) return 'directly';
    return [short(path[0].from), ...path.map((h) => short(h.to))].join(' → ');
  }

  async function principal(ctx) {
    const id = ctx.arg;
    const kind = ctx.params.get('kind');
    const q = id.startsWith('arn:') ? 'arn=' + enc(id) : 'id=' + enc(id) + '&kind=' + enc(kind || 'idc-user');
    let data;
    try { data = await api('/v1/inventory/principal?' + q); } catch (e) {
      return el('div', null, heading('Principal'), notice(e.message, 'error'));
    }
    const pr = data.principal;
    const shown = new Set(['kind', 'account', 'arn', 'name', 'collectedAt', 'accountId', 'region', 'id', 'runId',
      'inlinePolicies', 'attachedPolicies', 'trustPolicy', 'groups', 'members', 'userName', 'roleName', 'groupName']);
    const extra = Object.entries(pr).filter(([k, v]) => !shown.has(k) && v !== null && typeof v !== 'object')
      .map(([k, v]) => [k, String(v)]);
    const policies = data.policies.map((pol) => el('article', { class: 'policy' },
      el('h4', null, pol.name, ' ', badge(pol.type, 'ptype'), pol.group ? el('span', { class: 'muted' }, ' through group ' + pol.group) : null),
      pol.arn ? el('p', { class: 'mono muted' }, pol.arn) : null,
      pol.accounts ? el('p', null, 'Assigned in: ' + pol.accounts.join(', ')) : null,
      pol.managedPolicies && pol.managedPolicies.length ? el('p', null, 'AWS managed policies: ' + list(pol.managedPolicies)
        .map((m) => (typeof m === 'string' ? m : m.name || m.arn || JSON.stringify(m))).join(', ')) : null,
      pol.document || pol.type !== 'permission-set' ? policyDocument(pol.document) : null));
    const members = list(pr.members);
    const reach = data.reaches ? data.reaches.reach : null;
    const reachRows = (reach || []).map((r) => {
      const last = r.path.length ? r.path[r.path.length - 1].to : null;
      return [r.accountId, badge(r.level, 'level'), hopsText(r.path), (r.conditions || []).join(', '),
        last && /:role\//.test(last) ? link('Explain', 'access', null, { account: r.accountId, level: r.level, from: pr.arn, to: last },
          { 'aria-label': 'Explain the path to ' + r.accountId }) : ''];
    });
    const byRows = data.reachedBy.map((r) => [principalLink(r.principal, r.name || short(r.principal)), r.kind,
      badge(r.level || 'none', 'level'), hopsText(r.path),
      pr.kind === 'role' && r.principal !== pr.arn ? link('Explain', 'access', null, { account: pr.account, level: r.level, from: r.principal, to: pr.arn },
        { 'aria-label': 'Explain the path from ' + (r.name || r.principal) }) : '']);
    return el('div', null, heading(pr.name || short(pr.arn), pr.kind + ' in account ' + pr.account),
      definitions([['Kind', pr.kind], ['Account', pr.account], ['ARN or id', el('span', { class: 'mono' }, pr.arn)],
        ['Collected', when(pr.collectedAt)], ...extra]),
      section('Reaches', reach ? table('Accounts and levels this principal reaches', [{ label: 'Account', rowHeader: true },
        { label: 'Level' }, { label: 'Through' }, { label: 'Conditions' }, { label: 'Path' }], reachRows)
        : notice('Not a starting point of the access graph (a group, or an Identity Center user with no assignment).')),
      section('Reached by', table('Principals that can act as this one', [{ label: 'Principal', rowHeader: true }, { label: 'Kind' },
        { label: 'Level' }, { label: 'Through' }, { label: 'Path' }], byRows)),
      section('Policies', policies.length ? policies : notice('No policy.')),
      section('Memberships', data.memberships.length || members.length ? el('ul', { id: 'memberships' },
        data.memberships.map((m) => el('li', null, m.kind + ' ', m.kind.startsWith('idc') ? link(m.name, 'principal', m.arn, { kind: m.kind }) : principalLink(m.arn, m.name))),
        members.map((m) => el('li', null, 'member ' + m.kind + ' ', principalLink(m.arn, m.name)))) : notice('None.')),
      pr.kind === 'user' ? section('Access keys and MFA',
        table('Access keys', [{ label: 'Key', rowHeader: true }, { label: 'Status' }, { label: 'Created' }, { label: 'Last used' }],
          data.keys.map((k) => [el('span', { class: 'mono' }, k.accessKeyId || short(k.id)), k.status, when(k.createDate), when(k.lastUsedDate) || 'never'])),
        el('p', { id: 'mfa' }, data.mfa.length ? 'MFA: ' + data.mfa.map((m) => m.serialNumber || m.id).join(', ') : 'MFA: no device')) : null,
      section('Open findings', data.findings.length ? el('ul', null, data.findings.map((f) => el('li', null, badge(f.severity, 'sev'), ' ',
        link(f.rule, 'findings', f.id), ' — ' + text(f.evidence)))) : notice('None.')));
  }

  // ---- Access ----

  const EDGE_WORDS = { 'member-of': 'is a member of', assigned: 'is assigned', 'can-assume': 'can assume' };

  // A path as a small graph: one node per principal, role or permission set, one arrow per hop, left to right.
  function pathGraph(hops, start, label) {
    const ids = hops.length ? [hops[0].from, ...hops.map((h) => h.to)] : [start];
    const w = 170;
    const gap = 90;
    const width = ids.length * w + (ids.length - 1) * gap + 8;
    const arrowId = 'arrow-' + Math.random().toString(36).slice(2);
    return svg('svg', { class: 'path-graph', role: 'img', 'aria-label': label + ': ' + ids.map(short).join(' then '),
      viewBox: '0 0 ' + width + ' 64', preserveAspectRatio: 'xMinYMin meet' },
    svg('defs', null, svg('marker', { id: arrowId, viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '7',
      markerHeight: '7', orient: 'auto-start-reverse' }, svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }))),
    hops.map((h, i) => {
      const x1 = 4 + i * (w + gap) + w;
      const x2 = x1 + gap;
      return svg('g', { class: 'edge' }, svg('line', { x1, y1: 34, x2: x2 - 2, y2: 34, 'marker-end': 'url(#' + arrowId + ')' }),
        svg('text', { x: (x1 + x2) / 2, y: 24, 'text-anchor': 'middle', class: 'edge-label' }, h.edge));
    }),
    ids.map((id, i) => {
      const x = 4 + i * (w + gap);
      const name = short(id);
      const kind = /:role\//.test(id) ? 'role' : /:user\//.test(id) ? 'user' : /permissionSet|ps-/.test(id) ? 'pset' : 'other';
      return svg('g', { class: 'node node-' + kind }, svg('title', null, id),
        svg('rect', { x, y: 12, width: w, height: 44, rx: 6 }),
        svg('text', { x: x + w / 2, y: 30, 'text-anchor': 'middle', class: 'node-kind' }, kind === 'pset' ? 'permission set' : kind),
        svg('text', { x: x + w / 2, y: 48, 'text-anchor': 'middle', class: 'node-name' }, name.length > 22 ? name.slice(0, 21) + '…' : name));
    }));
  }

  function hopList(hops) {
    return el('ol', { class: 'hops' }, hops.map((h) => el('li', null, el('span', { class: 'mono' }, h.from), ' ',
      EDGE_WORDS[h.edge] || h.edge, ' ', el('span', { class: 'mono' }, h.to),
      h.grant ? el('span', { class: 'grant' }, ' — granted by ' + h.grant) : null)));
  }

  async function access(ctx) {
    const p = ctx.params;
    const account = (p.get('account') || '').trim();
    const level = LEVELS.includes(p.get('level')) ? p.get('level') : 'admin';
    const head = heading('Access', 'Who can reach an account at a level, and how, from the access graph of the current state.');
    const form = filterForm('access-filters', 'access', null, [
      field('Account', input('access-account', account, { size: 14, inputmode: 'numeric', placeholder: '12-digit id', required: true })),
      field('Level or above', select('access-level', LEVELS.map((l) => [l, l]), level))],
    () => ({ account: $('access-account').value.trim(), level: $('access-level').value }));
    const parts = [head, form];
    // A refused question (a malformed account, no such role) is said in the view, under the form.
    const asked = (promise) => promise.catch((e) => { if (e.status === 404 || e.status === 400) { parts.push(notice(e.message, 'error')); return null; } throw e; });
    const [who, path] = await Promise.all([
      account ? asked(api('/v1/access/who?account=' + enc(account) + '&level=' + enc(level))) : null,
      p.get('from') && p.get('to') ? asked(api('/v1/access/path?from=' + enc(p.get('from')) + '&to=' + enc(p.get('to')))) : null]);
    if (path) {
      parts.push(el('section', { 'aria-labelledby': 'h-path', id: 'path-explained' },
        el('h3', { id: 'h-path' }, 'Paths from ' + short(path.from) + ' to ' + short(path.to)),
        el('p', { class: 'muted' }, (path.level ? 'Level at the end: ' + path.level + '. ' : '') + path.paths.length + ' path'
          + (path.paths.length === 1 ? '' : 's') + (path.truncated ? ' (more exist; the shortest are shown)' : '') + '.'),
        path.paths.map((route, i) => el('div', { class: 'route' },
          el('h4', null, 'Path ' + (i + 1) + ': ' + route.path.length + ' hop' + (route.path.length === 1 ? '' : 's')),
          pathGraph(route.path, path.from, 'Path ' + (i + 1)), hopList(route.path),
          route.conditions && route.conditions.length ? el('p', null, 'Conditions on the way: ' + route.conditions.join(', ')) : null)),
        coverageNotes(path.coverage)));
    }
    if (who) {
      parts.push(el('section', { 'aria-labelledby': 'h-who', id: 'who' },
        el('h3', { id: 'h-who' }, who.principals.length + ' principals reach ' + who.accountId + ' as ' + who.level + ' or above'),
        who.principals.map((r) => {
          const last = r.path.length ? r.path[r.path.length - 1].to : null;
          return el('article', { class: 'reach' },
            el('h4', null, principalLink(r.principal, r.name || short(r.principal)), ' ', el('span', { class: 'muted' }, r.kind + ', '),
              badge(r.level, 'level'), ' ', el('span', { class: 'muted' }, r.path.length ? r.path.length + ' hop' + (r.path.length === 1 ? '' : 's') : 'directly')),
            r.path.length ? pathGraph(r.path, r.principal, 'Shortest path of ' + (r.name || r.principal)) : null,
            last && /:role\//.test(last) ? link('Explain every path hop by hop', 'access', null, { account, level, from: r.principal, to: last }) : null);
        }),
        coverageNotes(who.coverage)));
    } else if (!path && !account) {
      parts.push(notice('Give an account to see who reaches it.'));
    }
    return el('div', null, parts);
  }

  function coverageNotes(c) {
    if (!c) return null;
    const lines = [...(c.notes || []), ...(c.accountsNotAssessed || []).map((a) => a.accountId + ' not assessed: ' + a.reason),
      ...(c.gaps || [])];
    return lines.length ? el('details', { class: 'coverage' }, el('summary', null, 'What this answer could not see (' + lines.length + ')'),
      el('ul', null, lines.map((l) => el('li', null, l)))) : null;
  }

  // ---- Changes ----

  const DIFF_KINDS = ['user', 'group', 'role', 'local-policy', 'aws-policy', 'access-key', 'mfa-device', 'instance',
    'security-group', 'idc-user', 'idc-group', 'permission-set', 'account-assignment', 'bucket', 'snapshot', 'image'];
  const MAX_CHANGES = 200;

  async function changes(ctx) {
    const p = ctx.params;
    const fromRun = p.get('from') || '';
    const since = p.get('since') || '24h';
    const account = (p.get('account') || '').trim();
    const kind = p.get('kind') || '';
    const head = heading('Changes', 'Items added, removed and changed since a time or a run, per account and kind.');
    const q = (fromRun ? 'from=' + enc(fromRun) : 'since=' + enc(since)) + (account ? '&account=' + enc(account) : '')
      + (kind ? '&kind=' + enc(kind) : '');
    const [diff, history] = await Promise.all([orNoSync(api('/v1/inventory/diff?' + q)),
      orNoSync(api('/v1/inventory/history?limit=20'))]);
    const runs = history ? history.runs : [];
    const form = filterForm('changes-filters', 'changes', null, [
      field('Since', select('changes-since', [['1h', 'an hour ago'], ['6h', '6 hours ago'], ['24h', 'yesterday (24 h)'],
        ['7d', 'a week ago'], ['30d', 'a month ago']], since)),
      field('Or after run', select('changes-from', [['', '(use the time)'], ...runs.map((r) => [r.runId, r.runId + ' (' + when(r.startedAt) + ')'])], fromRun)),
      field('Account', input('changes-account', account, { size: 14, inputmode: 'numeric', placeholder: 'all' })),
      field('Kind', select('changes-kind', [['', 'all'], ...DIFF_KINDS.map((k) => [k, k])], kind))],
    () => ({ since: $('changes-since').value, from: $('changes-from').value, account: $('changes-account').value.trim(),
      kind: $('changes-kind').value }));
    if (!diff) return el('div', null, head, noSync());
    const counts = new Map();
    for (const c of diff.changes) {
      const k = c.accountId + ' ' + c.kind;
      if (!counts.has(k)) counts.set(k, { accountId: c.accountId, kind: c.kind, added: 0, removed: 0, changed: 0 });
      counts.get(k)[c.change] += 1;
    }
    const summary = [...counts.values()].sort((a, b) => a.accountId.localeCompare(b.accountId) || a.kind.localeCompare(b.kind));
    const shown = diff.changes.slice(0, MAX_CHANGES);
    return el('div', null, head, form,
      el('p', { id: 'changes-count' }, diff.changes.length + ' changes from ' + text(diff.from) + ' to ' + text(diff.to) + '.'),
      section('Per account and kind', table('Changes per account and kind', [{ label: 'Account', rowHeader: true }, { label: 'Kind' },
        { label: 'Added', num: true }, { label: 'Removed', num: true }, { label: 'Changed', num: true }],
      summary.map((s) => [s.accountId, s.kind, String(s.added), String(s.removed), String(s.changed)]))),
      section('Items', table('Changed items' + (diff.changes.length > MAX_CHANGES ? ' (first ' + MAX_CHANGES + ' of '
        + diff.changes.length + '; narrow by account or kind)' : ''), [{ label: 'Change' }, { label: 'Account' }, { label: 'Kind' },
        { label: 'Name' }, { label: 'Fields' }], shown.map((c) => [badge(c.change, 'change'), c.accountId, c.kind,
        isPrincipalArn(c.id) ? principalLink(c.id, c.name || short(c.id)) : text(c.name || c.id), (c.fields || []).join(', ')]))),
      diff.gaps.length ? section('Not comparable', el('ul', null, diff.gaps.map((g) => el('li', null,
        g.accountId + ' ' + g.part + (g.region ? ' ' + g.region : '') + ': ' + g.reason)))) : null,
      section('Runs', table('Recent runs', [{ label: 'Run', rowHeader: true }, { label: 'Started' }, { label: 'Finished' },
        { label: 'OK', num: true }, { label: 'Partial', num: true }, { label: 'Error', num: true }, { label: 'Changes' }],
      runs.map((r) => [r.runId, when(r.startedAt), when(r.finishedAt), String(r.ok), String(r.partial), String(r.error),
        link('since this run', 'changes', null, { from: r.runId, account, kind }, { 'aria-label': 'Changes since run ' + r.runId })]))));
  }

  // ---- Jobs and schedules ----

  function jobLine(job) {
    const a = job.accounts || {};
    return 'Job ' + job.id + ': ' + job.status + (job.error ? ' (' + job.error + ')' : '')
      + (a.total ? ', accounts ' + a.done + ' of ' + a.total + ' done' + (a.failed ? ', ' + a.failed + ' not ok' : '') : '')
      + (job.organization ? ', organization step ' + (job.organization.outcome || job.organization.status) : '')
      + (job.runner ? ' (planned by ' + job.runner + ')' : '');
  }

  const FINISHED = ['done', 'failed', 'cancelled'];

  function showJob(job) {
    $('job-status').textContent = jobLine(job);
    const a = job.accounts || {};
    const bar = $('job-progress');
    bar.hidden = !a.total;
    bar.max = a.total || 1;
    bar.value = a.done || 0;
    bar.textContent = (a.done || 0) + ' of ' + (a.total || 0);
    const failed = (job.steps || []).filter((s) => s.outcome && s.outcome !== 'ok' || s.error);
    $('job-errors').replaceChildren(...failed.map((s) => el('li', null, s.step + ': ' + (s.outcome || s.status)
      + (s.error ? ' — ' + s.error : ''))));
    $('job-notices').replaceChildren(...(job.notices || []).map((n) => el('li', null, n)));
  }

  // Polls a job while it runs and this view is shown.
  async function watchJob(id, ctx) {
    for (;;) {
      if (!ctx.current()) return;
      let job;
      try { job = await api('/v1/inventory/jobs/' + enc(id)); } catch (e) {
        $('job-status').textContent = 'Cannot read job ' + id + ': ' + e.message;
        return;
      }
      if (!ctx.current()) return;
      showJob(job);
      if (FINISHED.includes(job.status)) {
        refreshJobs(ctx);
        return;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  async function refreshJobs(ctx) {
    const recent = await api('/v1/inventory/jobs?limit=10').catch(() => ({ jobs: [] }));
    if (ctx.current() && $('jobs-list')) $('jobs-list').replaceWith(jobsTable(recent.jobs));
  }

  function jobsTable(jobs) {
    const t = table('Recent sync jobs, newest first', [{ label: 'Job', rowHeader: true }, { label: 'Status' }, { label: 'Accounts' },
      { label: 'Done', num: true }, { label: 'Not ok', num: true }, { label: 'Total', num: true }, { label: 'Created' }, { label: 'Finished' }],
    jobs.map((j) => [link(j.id, 'jobs', null, { job: j.id }, { 'aria-label': 'Follow job ' + j.id }), badge(j.status, 'job'),
      text(j.request && j.request.accounts), String(j.accounts.done), String(j.accounts.failed), String(j.accounts.total),
      when(j.createdAt), when(j.finishedAt)]));
    t.id = 'jobs-list';
    return t;
  }

  async function jobs(ctx) {
    const [recent, schedules] = await Promise.all([api('/v1/inventory/jobs?limit=10'), api('/v1/inventory/schedules')]);
    const syncForm = el('form', { id: 'sync-form', onsubmit: async (e) => {
      e.preventDefault();
      const body = { accounts: $('sync-accounts').value.trim() || 'all' };
      if ($('sync-regions').value.trim()) body.regions = $('sync-regions').value.trim();
      if ($('sync-services').value.trim()) body.services = $('sync-services').value.trim();
      try {
        const job = await api('/v1/inventory/jobs', 'POST', body);
        showJob(job);
        watchJob(job.id, ctx);
      } catch (err) {
        $('job-status').textContent = 'Sync refused: ' + err.message;
      }
    } },
    field('Accounts', input('sync-accounts', 'all', { size: 40, 'aria-describedby': 'sync-accounts-help' })),
    field('Regions', input('sync-regions', '', { size: 18, placeholder: 'instance\'s region' })),
    field('Services', input('sync-services', '', { size: 18, placeholder: 'all' })),
    el('button', { id: 'sync-start', type: 'submit' }, 'Start sync'),
    el('p', { id: 'sync-accounts-help', class: 'muted' }, 'Accounts: all (the organization\'s), or 12-digit ids separated by commas.'));
    const progress = el('div', { class: 'job' },
      el('p', { id: 'job-status', role: 'status', 'aria-live': 'polite' }, 'No job followed.'),
      el('progress', { id: 'job-progress', max: '1', value: '0', hidden: true, 'aria-label': 'Accounts done' }),
      el('ul', { id: 'job-notices', class: 'muted' }),
      el('ul', { id: 'job-errors', class: 'error', 'aria-label': 'Accounts not ok' }));
    const scheduleStatus = el('p', { id: 'schedule-status', role: 'status' });
    const scheduleForm = el('form', { id: 'schedule-form', onsubmit: async (e) => {
      e.preventDefault();
      try {
        const s = await api('/v1/inventory/schedules', 'POST', { schedule: $('schedule-spec').value.trim(),
          accounts: $('schedule-accounts').value.trim() || 'all' });
        scheduleStatus.textContent = 'Schedule ' + s.id + ' (' + s.schedule + ') saved.';
        go(route('jobs'));
      } catch (err) {
        scheduleStatus.textContent = 'Schedule refused: ' + err.message;
      }
    } },
    field('Schedule', input('schedule-spec', '', { size: 18, placeholder: 'every 6h, or 0 */6 * * *', required: true })),
    field('Accounts', input('schedule-accounts', 'all', { size: 30 })),
    el('button', { type: 'submit', id: 'schedule-create' }, 'Create schedule'));
    const rows = schedules.schedules.map((s) => [s.id, s.schedule, text(s.request && s.request.accounts), s.origin,
      String(s.fired), when(s.lastFiredAt), el('button', { type: 'button', 'aria-label': 'Delete schedule ' + s.id, onclick: async () => {
        try { await api('/v1/inventory/schedules/' + enc(s.id), 'DELETE'); go(route('jobs')); } catch (err) {
          scheduleStatus.textContent = 'Delete refused: ' + err.message;
        }
      } }, 'Delete')]);
    const follow = ctx.params.get('job') || (recent.jobs.find((j) => !FINISHED.includes(j.status)) || {}).id;
    if (follow) ctx.after = () => watchJob(follow, ctx);
    return el('div', null, heading('Jobs and schedules', 'Start a sync and follow it; recurring syncs.'),
      section('Start a sync', syncForm, progress),
      section('Recent jobs', jobsTable(recent.jobs)),
      section('Schedules', table('Recurring syncs', [{ label: 'Id', rowHeader: true }, { label: 'Schedule' }, { label: 'Accounts' },
        { label: 'Origin' }, { label: 'Fired', num: true }, { label: 'Last fired' }, { label: 'Action' }], rows),
      scheduleForm, scheduleStatus));
  }

  // ---- Audit ----

  // Nested objects as dotted paths, so a change reads as field: before → after.
  function flatten(v, prefix, out) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (!keys.length && prefix) out[prefix] = '{}';
      for (const k of keys) flatten(v[k], prefix ? prefix + '.' + k : k, out);
    } else if (prefix) {
      out[prefix] = v === undefined ? undefined : JSON.stringify(v);
    } else {
      out['(value)'] = JSON.stringify(v);
    }
    return out;
  }

  function fieldDiff(before, after) {
    const b = before === null || before === undefined ? {} : flatten(before, '', {});
    const a = after === null || after === undefined ? {} : flatten(after, '', {});
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    const changed = keys.filter((k) => b[k] !== a[k]);
    return { changed, unchanged: keys.length - changed.length, b, a };
  }

  async function audit(ctx) {
    const p = ctx.params;
    const account = (p.get('account') || '').trim();
    const command = p.get('command') || '';
    const actor = (p.get('actor') || '').trim();
    const [data, cmds] = await Promise.all([api('/v1/audit?limit=50' + (account ? '&account=' + enc(account) : '')
      + (command ? '&command=' + enc(command) : '') + (actor ? '&actor=' + enc(actor) : '')), api('/v1/commands')]);
    const names = cmds.commands.filter((c) => c.mutating).map((c) => c.name);
    if (command && !names.includes(command)) names.push(command);
    const form = filterForm('audit-filters', 'audit', null, [
      field('Account', input('audit-account', account, { size: 14, inputmode: 'numeric', placeholder: 'all' })),
      field('Command', select('audit-command', [['', 'any'], ...names.map((n) => [n, n])], command)),
      field('Actor', input('audit-actor', actor, { size: 16, placeholder: 'anyone' }))],
    () => ({ account: $('audit-account').value.trim(), command: $('audit-command').value, actor: $('audit-actor').value.trim() }));
    const entries = data.entries.map((e) => {
      const after = e.After === null || e.After === undefined ? e.Requested : e.After;
      const d = fieldDiff(e.Before, after);
      return el('article', { class: 'audit-entry' },
        el('h3', null, e.Command, ' ', badge(text(e.Outcome).split(' ')[0] || 'unknown', 'outcome')),
        el('p', { class: 'muted' }, when(e.Time) + ' · ' + text(e.Actor) + ' · account ' + text(e.AccountId)
          + (e.Region ? ' · ' + e.Region : '') + (e.Resource ? ' · ' + e.Resource : '')),
        e.After === null || e.After === undefined ? el('p', { class: 'warn' }, 'Outcome not recorded: "after" is the state asked for.') : null,
        d.changed.length ? table('Changes of ' + e.Command + ' at ' + when(e.Time), [{ label: 'Field', rowHeader: true },
          { label: 'Before' }, { label: 'After' }], d.changed.map((k) => [k,
          el('span', { class: 'before' }, d.b[k] === undefined ? '(none)' : d.b[k]),
          el('span', { class: 'after' }, d.a[k] === undefined ? '(none)' : d.a[k])])) : el('p', null, 'No field changed.'),
        d.unchanged ? el('p', { class: 'muted' }, d.unchanged + ' fields unchanged.') : null,
        e.Detail ? el('p', null, e.Detail) : null);
    });
    return el('div', null, heading('Audit journal', 'Changes made through rolecall, newest first: before → after, by whom.'), form,
      entries.length ? el('div', { id: 'audit-entries' }, entries) : notice('No change recorded for these filters.'));
  }

  const VIEWS = { overview, findings, identities, principal, access, changes, jobs, audit };

  document.addEventListener('DOMContentLoaded', () => {
    $('token-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const t = $('token').value.trim();
      $('token').value = '';
      if (!t) return;
      sessionStorage.setItem(KEY, t);
      connected = false;
      render(performance.now());
    });
    $('logout').addEventListener('click', () => {
      sessionStorage.removeItem(KEY);
      connected = false;
      showLogin();
    });
    // A '#token=' link opened in a tab that is already open arrives as a hashchange: read it the same way.
    window.addEventListener('hashchange', () => {
      if (/^#(?:.*&)?token=/.test(location.hash)) connected = false;
      render(performance.now());
    });
    render(0);
  });
})();

// rolecall dashboard: calls the engine's API with the bearer token. Every value is put in the page with
// textContent, never as HTML, so nothing AWS returns (user names, tags) can inject markup or script.
'use strict';

const KEY = 'rolecall-engine-token';
const $ = (id) => document.getElementById(id);

function token() { return sessionStorage.getItem(KEY); }

// A link may carry the token as #token=...: keep it for this tab, then drop it from the address bar and history.
function tokenFromFragment() {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(KEY, decodeURIComponent(m[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
}

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: Object.assign({ 'Authorization': 'Bearer ' + token() }, body ? { 'Content-Type': 'application/json' } : {}),
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await res.json().catch(() => ({}));
  if (res.status === 401) { sessionStorage.removeItem(KEY); show(false, 'The engine refused the token.'); }
  if (!res.ok) { const e = new Error(data.error || res.statusText); e.status = res.status; throw e; }
  return data;
}

function table(id, headers, rows, classes) {
  const t = $(id);
  const head = document.createElement('tr');
  headers.forEach((h) => { const th = document.createElement('th'); th.textContent = h; head.appendChild(th); });
  t.tHead.replaceChildren(head);
  const body = rows.map((row) => {
    const tr = document.createElement('tr');
    row.forEach((v, i) => {
      const td = document.createElement('td');
      td.textContent = v === null || v === undefined ? '' : String(v);
      const c = classes && classes(i, v);
      if (c) td.className = c;
      tr.appendChild(td);
    });
    return tr;
  });
  if (rows.length === 0) {
    const tr = document.createElement('tr'); const td = document.createElement('td');
    td.colSpan = headers.length; td.className = 'muted'; td.textContent = 'Nothing yet.'; tr.appendChild(td); body.push(tr);
  }
  t.tBodies[0].replaceChildren(...body);
}

function show(connected, message) {
  $('login').hidden = connected;
  $('app').hidden = !connected;
  $('login-error').textContent = message || '';
  $('engine-status').textContent = connected ? 'connected' : 'not connected';
}

async function orEmpty(promise, fallback) {
  try { return await promise; } catch (e) { if (e.status === 404) return fallback; throw e; }
}

async function refresh() {
  const summary = await orEmpty(api('GET', '/v1/inventory/summary'), { runId: null, accounts: [] });
  $('run-id').textContent = summary.runId ? '(current state; latest run ' + summary.runId + ')' : '(no sync yet)';
  table('accounts', ['Account', 'Status', 'Collected', 'Users', 'Roles', 'Access keys', 'Instances', 'API calls', 'Error'],
    summary.accounts.map((a) => [a.accountId, a.status, a.collectedAt, a.users, a.roles, a.accessKeys, a.instances,
      a.apiCalls, a.error]),
    (i, v) => (i === 1 ? (v === 'ok' ? 'ok' : 'error') : i >= 3 && i <= 7 ? 'num' : null));

  const findings = await orEmpty(api('GET', '/v1/inventory/findings'), { findings: [], coverage: [] });
  table('findings', ['Severity', 'Rule', 'Account', 'Principal', 'Status', 'First seen', 'Evidence'],
    findings.findings.map((f) => [f.severity, f.rule, f.accountId, f.principal,
      f.status + (f.stale ? ' (stale)' : ''), f.firstSeen, f.suppression ? f.evidence + ' [suppressed: '
        + f.suppression.reason + ']' : f.evidence]),
    (i, v) => (i === 0 ? 'sev-' + v : null));
  table('coverage', ['Account', 'Status', 'Collected', 'Why not assessed'],
    findings.coverage.map((g) => [g.accountId, g.status, g.collectedAt, g.reason]), (i) => (i === 1 ? 'error' : null));

  identities.users = await orEmpty(api('GET', '/v1/inventory/list/users?limit=' + PAGE), EMPTY_PAGE);
  identities.roles = await orEmpty(api('GET', '/v1/inventory/list/roles?limit=' + PAGE), EMPTY_PAGE);
  showIdentities();

  const audit = await api('GET', '/v1/audit?limit=50');
  // After is the state read back; until an outcome is recorded (or if it never was) only the state asked for is known.
  table('audit', ['Time', 'Actor', 'Account', 'Command', 'Resource', 'Outcome', 'After'],
    audit.entries.map((e) => [e.Time, e.Actor, e.AccountId, e.Command, e.Resource, e.Outcome,
      JSON.stringify(e.After === null ? e.Requested : e.After)]));
}

// Identities come a page at a time, as the API pages them in the store (limit + nextToken, with the total).
const PAGE = 50;
const EMPTY_PAGE = { items: [], total: 0, nextToken: null };
const identities = { users: EMPTY_PAGE, roles: EMPTY_PAGE };

function showIdentities() {
  const { users, roles } = identities;
  table('identities', ['Kind', 'Account', 'Name', 'Id'],
    users.items.concat(roles.items).map((i) => [i.kind, i.accountId, i.UserName || i.RoleName || String(i.id).split('/').pop(), i.id]));
  $('identities-count').textContent = 'Showing ' + users.items.length + ' of ' + users.total + ' users, '
    + roles.items.length + ' of ' + roles.total + ' roles';
  $('identities-more').hidden = !users.nextToken && !roles.nextToken;
}

async function moreIdentities() {
  for (const kind of ['users', 'roles']) {
    const shown = identities[kind];
    if (!shown.nextToken) continue;
    const page = await api('GET', '/v1/inventory/list/' + kind + '?limit=' + PAGE + '&nextToken='
      + encodeURIComponent(shown.nextToken));
    identities[kind] = { items: shown.items.concat(page.items), total: page.total, nextToken: page.nextToken };
  }
  showIdentities();
}

async function watchJob(id) {
  for (;;) {
    const job = await api('GET', '/v1/inventory/jobs/' + encodeURIComponent(id));
    const a = job.accounts || {};
    $('job-status').textContent = 'Job ' + job.id + ': ' + job.status + (job.error ? ' (' + job.error + ')' : '')
      + (a.total ? ', accounts ' + a.done + ' of ' + a.total + ' done' + (a.failed ? ', ' + a.failed + ' not ok' : '') : '')
      + (job.organization ? ', organization step ' + (job.organization.outcome || job.organization.status) : '')
      + (job.runner ? ' (planned by ' + job.runner + ')' : '');
    if (['done', 'failed', 'cancelled'].includes(job.status)) { await refresh(); return job; }
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function startSync(event) {
  event.preventDefault();
  const body = { accounts: $('sync-accounts').value.trim() };
  if ($('sync-regions').value.trim()) body.regions = $('sync-regions').value.trim();
  try {
    const job = await api('POST', '/v1/inventory/jobs', body);
    $('job-status').textContent = 'Job ' + job.id + ': ' + job.status;
    await watchJob(job.id);
  } catch (e) {
    $('job-status').textContent = 'Sync refused: ' + e.message;
  }
}

async function connect() {
  try {
    await api('GET', '/v1/commands');
    show(true);
    await refresh();
  } catch (e) {
    if (e.status !== 401) show(true, ''), ($('job-status').textContent = 'Error: ' + e.message);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  tokenFromFragment();
  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(KEY, $('token').value.trim());
    $('token').value = '';
    connect();
  });
  $('sync-form').addEventListener('submit', startSync);
  $('identities-more').addEventListener('click', () => moreIdentities().catch((e) => { $('job-status').textContent = 'Error: ' + e.message; }));
  $('refresh').addEventListener('click', () => refresh().catch((e) => { $('job-status').textContent = 'Error: ' + e.message; }));
  $('logout').addEventListener('click', () => { sessionStorage.removeItem(KEY); show(false); });
  if (token()) connect(); else show(false);
});

/**
 * Browser test of the coordinator's flow (issue 3): a department head makes a plan from proposals and takes it
 * draft → submitted → approved → published (公示), the public page shows it without login; the coordinator runs the
 * joint-inspection collision (联检碰撞) for 南京 and a period, reads the figures, asks "why", moves a visit to another
 * working day (applied) and to a Saturday (refused), publishes; an inspector of that visit sees it on 我的检查 (phone),
 * and the enterprise's officer sees it on the enterprise's 联合检查日历. Screenshots go to test-results/planning-*.png.
 * Needs the built web app (npm run build:web) and /usr/bin/chromium.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { startApp } from '../../src/app.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';

const shots = resolve('test-results');
const webDir = resolve('dist/web');
const PERIOD = { start: '2026-03-01', end: '2026-05-31' };
const PLAN_TITLE = '南京市应急管理局2026年春季专项执法检查计划（浏览器测试）';
/** 2026 public holidays and weekend working days (调休): a move test stays clear of both, whatever calendar the server keeps. */
const SPECIAL_2026 = new Set([
  '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04',
  '2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23', '2026-02-28',
  '2026-04-04', '2026-04-05', '2026-04-06',
  '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', '2026-05-09',
  '2026-06-19', '2026-06-20', '2026-06-21',
]);

interface Window {
  start: string;
  end: string;
}
interface RunVisit {
  id: string;
  date: string;
  enterprise: { id: number; name: string; uscc: string };
  plans: { id: string; window: Window; department: { id: number; name: string } }[];
  teams: { department: { id: number; name: string }; inspectors: { userId: number; name: string }[] }[];
}
interface Run {
  id: number;
  status: string;
  stats: { plans: number; visits: number; lowerBound: number; unscheduled: number };
  visits: RunVisit[];
  unscheduled: { plan: { id: string }; reason: string }[];
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}
/** The days inside every plan window of the visit and the run's period. */
function commonWindow(v: RunVisit): Window {
  let start = PERIOD.start;
  let end = PERIOD.end;
  for (const p of v.plans) {
    if (p.window.start > start) start = p.window.start;
    if (p.window.end < end) end = p.window.end;
  }
  return { start, end };
}
function days(w: Window, keep: (d: string) => boolean): string[] {
  const out: string[] = [];
  for (let d = w.start; d <= w.end; d = addDays(d, 1)) if (keep(d) && !SPECIAL_2026.has(d)) out.push(d);
  return out;
}

describe('planning and the joint-inspection collision in the browser', { skip: !existsSync(join(webDir, 'index.html')) ? 'web app not built (npm run build:web)' : false }, () => {
  let stop: () => Promise<void> = async () => {};
  let browser: Browser;
  let base = '';
  const dir = mkdtempSync(join(tmpdir(), 'anjian-e2e-plan-'));
  let coordinator: BrowserContext;
  let coord: Page;
  let runId = 0;
  let moved: { visit: RunVisit; date: string } | null = null;
  const planEnterprises: string[] = [];

  const newContext = (opts: { width?: number; height?: number; locale?: 'zh-CN' | 'en-US' } = {}) =>
    browser.newContext({ viewport: { width: opts.width ?? 1366, height: opts.height ?? 860 }, locale: opts.locale ?? 'zh-CN' });

  async function signIn(page: Page, username: string, next: string): Promise<void> {
    await page.goto(`${base}/login?next=${encodeURIComponent(next)}`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }

  /** Types a date into an antd DatePicker's input and confirms it (Enter: only outside a form, where it would submit). */
  async function typeDate(page: Page, testId: string, date: string): Promise<void> {
    const input = page.locator(`input[data-testid="${testId}"]`);
    await input.click();
    await input.press('ControlOrMeta+a');
    await input.pressSequentially(date);
    await input.press('Enter');
  }

  /** Types both ends of an antd RangePicker inside a form; Tab leaves it without submitting the form. */
  async function typeRange(page: Page, testId: string, range: Window): Promise<void> {
    for (const [i, date] of [range.start, range.end].entries()) {
      const input = page.locator(`input[data-testid="${testId}"]`).nth(i);
      await input.click();
      await input.press('ControlOrMeta+a');
      await input.pressSequentially(date);
    }
    await page.locator(`input[data-testid="${testId}"]`).nth(1).press('Tab');
    const inputs = page.locator(`input[data-testid="${testId}"]`);
    assert.deepEqual([await inputs.nth(0).inputValue(), await inputs.nth(1).inputValue()], [range.start, range.end]);
  }

  before(async () => {
    mkdirSync(shots, { recursive: true });
    const config = { ...loadConfig({}), dataDir: join(dir, 'data'), webDir, demoOnFirstStart: true, port: 0, host: '127.0.0.1' };
    const { app, database } = await startApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    stop = async () => {
      await browser.close();
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    };
  });

  after(async () => stop());

  test('the department head makes a plan from proposals and takes it to published', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-public-plans').waitFor();
    await page.screenshot({ path: join(shots, 'planning-00-login-zh.png') });
    await signIn(page, 'depthead', '/plans/new');
    await page.getByTestId('propose-page').waitFor();
    await page.locator('[data-testid="propose-department"]').getByText('南京市应急管理局').waitFor();
    await typeRange(page, 'propose-period', PERIOD);
    await page.getByTestId('propose-run').click();
    await page.getByTestId('proposal').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    assert.match(await page.getByTestId('proposal-entry').first().innerText(), /2026-0[345]-\d\d ~ 2026-0[345]-\d\d/, 'windows inside the period');
    assert.ok(Number(await page.getByTestId('proposal').getAttribute('data-count')) >= 3, 'the rules propose at least three enterprises');
    // reasons a user reads: 重点行业 / 抽中 …
    assert.match(await page.getByTestId('proposal-entry').first().innerText(), /列入|抽取|重点|风险|事故|信用/);
    await page.screenshot({ path: join(shots, 'planning-01-proposals-zh.png') });

    // keep three: untick all (every page), tick the first three
    await page.getByTestId('propose-select-none').click();
    for (let i = 0; i < 3; i++) await page.getByTestId('proposal-entry').nth(i).locator('.ant-checkbox-input').click();
    for (let i = 0; i < 3; i++) {
      planEnterprises.push((await page.getByTestId('proposal-entry').nth(i).locator('a').first().innerText()).trim());
    }
    await page.getByText('已选 3 家').waitFor();
    await page.getByTestId('propose-title').fill(PLAN_TITLE);
    await page.getByTestId('propose-accept').click();

    await page.locator('[data-testid="plan-detail"][data-status="draft"]').waitFor();
    const detail = page.getByTestId('plan-detail');
    assert.match(await detail.innerText(), new RegExp(PLAN_TITLE.replace(/[()（）]/g, '.')));
    for (const name of planEnterprises) await detail.getByText(name).first().waitFor();
    const entries = await page.getByTestId('plan-entry').count();
    assert.ok(entries >= 3 && entries <= 6, `three enterprises, one or two windows each (${entries} entries)`);
    for (const [action, status] of [['submit', 'submitted'], ['approve', 'approved'], ['publish', 'published']] as const) {
      await page.getByTestId(`plan-${action}`).click();
      await page.locator(`[data-testid="plan-detail"][data-status="${status}"]`).waitFor();
    }
    assert.equal(await page.getByTestId('plan-status').first().getAttribute('data-status'), 'published');
    await page.screenshot({ path: join(shots, 'planning-02-plan-published-zh.png'), fullPage: true });
    await ctx.close();
  });

  test('the public 公示 page shows the published plan without login', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-public-plans').click();
    await page.waitForURL(/\/public\/plans/);
    await page.getByTestId('public-department').first().waitFor();
    const title = page.getByText(PLAN_TITLE);
    await title.click();
    const panel = page.locator('.ant-collapse-item', { has: page.getByText(PLAN_TITLE) });
    for (const name of planEnterprises) await panel.getByText(name).first().waitFor();
    assert.match(await panel.innerText(), /2026-0[345]/, 'the months of the checks are shown');
    await page.screenshot({ path: join(shots, 'planning-03-public-zh.png'), fullPage: true });
    await ctx.close();
  });

  test('the coordinator runs the collision for 南京 and reads the figures', async () => {
    coordinator = await newContext();
    coord = await coordinator.newPage();
    await signIn(coord, 'coordinator', '/collision');
    await coord.getByTestId('collision-page').waitFor();
    await coord.getByTestId('collision-region').click();
    await coord.locator('.ant-select-tree-title', { hasText: /^南京市$/ }).first().click();
    await typeRange(coord, 'collision-period', PERIOD);
    await coord.getByTestId('collision-run').click();
    const result = coord.locator('[data-testid="collision-result"][data-status="done"]');
    await result.waitFor({ timeout: 60_000 });
    runId = Number(await result.getAttribute('data-run-id'));
    const run = (await (await coord.request.get(`${base}/api/v1/collision-runs/${runId}?pageSize=1`)).json()) as Run & { period: Window; regionName: string };
    assert.deepEqual(run.period, PERIOD);
    assert.equal(run.regionName, '南京市');
    await coord.getByTestId('collision-visit').first().waitFor();

    const num = async (id: string) => Number((await coord.getByTestId(id).locator('.ant-statistic-content-value').innerText()).replace(/[^\d]/g, ''));
    const plans = await num('stat-plans');
    const visits = await num('stat-visits');
    const lower = await num('stat-lower-bound');
    assert.ok(plans > 0 && visits > 0, `plans ${plans}, visits ${visits}`);
    assert.ok(visits <= plans, 'joint visits never outnumber the plans they merge');
    assert.ok(lower > 0, 'the lower bound is shown');
    assert.equal(await num('stat-saved'), plans - (await num('stat-dropped')) - (await num('stat-unscheduled')) - visits, 'saved = scheduled plans − visits');
    const first = await coord.getByTestId('collision-visit').first().innerText();
    assert.match(first, /2026-0[345]-\d\d/);
    assert.match(first, /南京市.*(局|支队)/);
    await coord.screenshot({ path: join(shots, 'planning-04-collision-zh.png') });
  });

  test('"why" explains where a plan went, with a translated reason for unscheduled ones', async () => {
    await coord.getByTestId('visit-plan-tag').first().click();
    const why = coord.getByTestId('why-text');
    await why.waitFor();
    await why.click({ trial: true }); // waits until the drawer has slid in
    const whyText = await why.innerText();
    assert.match(whyText, /已排入联合检查/, 'the status reads as a label');
    assert.match(whyText, /2026-0[345]-\d\d/, 'the explanation names the day');
    await coord.screenshot({ path: join(shots, 'planning-05-why-zh.png') });
    await coord.keyboard.press('Escape');
    await why.waitFor({ state: 'hidden' });

    const run = (await (await coord.request.get(`${base}/api/v1/collision-runs/${runId}?pageSize=1000`)).json()) as Run;
    if (run.unscheduled.length > 0) {
      await coord.getByRole('tab', { name: /未排入/ }).click();
      const list = coord.getByTestId('collision-unscheduled');
      await list.getByTestId('unscheduled-reason').first().waitFor();
      const label = await list.getByTestId('unscheduled-reason').first().innerText();
      assert.doesNotMatch(label, /^[a-z-]+$/, `reason shown as a label, not the code: ${label}`);
      assert.equal(await list.getByTestId('unscheduled-reason').first().getAttribute('data-reason'), run.unscheduled[0]?.reason);
      await coord.screenshot({ path: join(shots, 'planning-06-unscheduled-zh.png') });
      await coord.getByRole('tab', { name: /联合检查清单/ }).click();
    }
  });

  test('moving a visit to another working day in its windows is applied; a Saturday is refused', async () => {
    const run = (await (await coord.request.get(`${base}/api/v1/collision-runs/${runId}?pageSize=1000`)).json()) as Run;
    const onPage = new Set(await coord.getByTestId('collision-visit').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-visit-id'))));
    // a visit on the first page whose plans share a window with several working days and a Saturday, in one month
    const month = (v: RunVisit) => v.date.slice(0, 7);
    const candidates = run.visits
      .filter((v) => onPage.has(v.id) && v.teams.some((t) => t.inspectors.length > 0))
      .map((v) => {
        const w = commonWindow(v);
        const sameMonth = (d: string) => d.slice(0, 7) === month(v) && d !== v.date;
        return { v, work: days(w, (d) => sameMonth(d) && weekday(d) >= 1 && weekday(d) <= 5), sat: days(w, (d) => sameMonth(d) && weekday(d) === 6) };
      })
      .filter((c) => c.work.length >= 3 && c.sat.length >= 1)
      .sort((a, b) => b.work.length - a.work.length);
    const pick = candidates[0];
    assert.ok(pick, 'some visit on the first page can move');
    const row = coord.locator(`[data-testid="collision-visit"][data-visit-id="${pick.v.id}"]`);

    // a Saturday: refused, with the rule shown
    await row.getByTestId('visit-move').click();
    await coord.getByTestId('move-ok').waitFor();
    const shared = {
      start: pick.v.plans.map((p) => p.window.start).sort().at(-1),
      end: pick.v.plans.map((p) => p.window.end).sort()[0],
    };
    assert.match(await coord.getByTestId('move-window').innerText(), new RegExp(`${shared.start} ~ ${shared.end}`), 'the dialog names the days the plans share');
    await typeDate(coord, 'move-date', pick.sat[0]!);
    await coord.getByTestId('move-ok').click();
    const violations = coord.getByTestId('move-violations');
    await violations.waitFor();
    assert.match(await violations.innerText(), new RegExp(pick.sat[0]!), 'the refused Saturday is named');
    await coord.screenshot({ path: join(shots, 'planning-07-move-saturday-zh.png') });

    // a working day inside the windows: applied (try the next one if a team cannot be found that day)
    let applied: string | null = null;
    for (const date of pick.work.slice(0, 6)) {
      await typeDate(coord, 'move-date', date);
      await coord.getByTestId('move-ok').click();
      const outcome = coord.locator('[data-testid="move-applied"], [data-testid="move-violations"]');
      await outcome.first().waitFor();
      if ((await coord.getByTestId('move-applied').count()) > 0) {
        applied = date;
        break;
      }
    }
    assert.ok(applied, `one of ${pick.work.slice(0, 6).join(', ')} is accepted`);
    const appliedText = await coord.getByTestId('move-applied').innerText();
    assert.match(appliedText, new RegExp(applied));
    assert.doesNotMatch(appliedText, /D-[a-z]+-\d{6}/, 're-staffed departments are named, not coded');
    await coord.screenshot({ path: join(shots, 'planning-08-move-applied-zh.png') });
    await coord.keyboard.press('Escape');
    await coord.getByTestId('move-ok').waitFor({ state: 'hidden' });
    moved = { visit: pick.v, date: applied };

    // the calendar shows it on the new day
    await coord.getByRole('tab', { name: /^日历$/ }).click();
    await coord.getByTestId('collision-calendar').locator(`.ant-picker-cell[title="${applied}"]`).click();
    const dayList = coord.getByTestId('calendar-day');
    await dayList.locator(`[data-visit-id="${pick.v.id}"]`).waitFor();
    assert.match(await dayList.locator(`[data-visit-id="${pick.v.id}"]`).innerText(), new RegExp(pick.v.enterprise.name.replace(/[()（）]/g, '.')));
    await coord.screenshot({ path: join(shots, 'planning-09-calendar-zh.png') });
  });

  test('the coordinator publishes; the page reads in English too', async () => {
    await coord.getByTestId('collision-publish').click();
    await coord.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await coord.locator('[data-testid="collision-result"][data-status="published"]').waitFor();
    await coord.getByTestId('collision-published').waitFor();
    await coord.getByTestId('lang-switch').first().click();
    await coord.getByText('Joint visits').first().waitFor();
    await coord.getByTestId('collision-result').getByRole('tab').first().click();
    await coord.getByTestId('collision-visit').first().waitFor();
    await coord.screenshot({ path: join(shots, 'planning-10-collision-published-en.png') });
    await coord.getByTestId('lang-switch').first().click();
    await coord.getByText('联合检查次数').first().waitFor();
  });

  test('an inspector of the moved visit sees it on 我的检查, on a phone', async () => {
    assert.ok(moved);
    const run = (await (await coord.request.get(`${base}/api/v1/collision-runs/${runId}?pageSize=1000`)).json()) as Run;
    const v = run.visits.find((x) => x.id === moved?.visit.id);
    assert.ok(v);
    assert.equal(v.date, moved.date);
    const team = v.teams.find((t) => t.inspectors.length > 0);
    assert.ok(team);
    const inspector = team.inspectors[0]!;
    const profile = (await (await coord.request.get(`${base}/api/v1/inspectors/${inspector.userId}/profile`)).json()) as { username: string };

    const ctx = await newContext({ width: 390, height: 844 });
    const page = await ctx.newPage();
    await signIn(page, profile.username, '/my/visits');
    await page.locator('[data-testid="my-visits"]:not([data-total=""])').waitFor();
    const card = page.locator('[data-testid="visit-card"]', { hasText: v.enterprise.name });
    if ((await card.count()) === 0) await page.getByTestId('my-visits-filter').locator('.ant-segmented-item').nth(1).click();
    await card.first().waitFor();
    const text = await card.first().innerText();
    assert.match(text, new RegExp(moved.date));
    assert.match(text, new RegExp(team.department.name));
    assert.match(text, new RegExp(inspector.name));
    await page.screenshot({ path: join(shots, 'planning-11-inspector-phone-zh.png'), fullPage: true });
    await ctx.close();
  });

  test("the enterprise's officer sees the visit on the enterprise's calendar", async () => {
    assert.ok(moved);
    const v = moved.visit;
    const admin = await newContext();
    const login = await admin.request.post(`${base}/api/v1/auth/login`, { data: { username: 'admin', password: DEMO_PASSWORD } });
    assert.equal(login.status(), 200);
    const created = await admin.request.post(`${base}/api/v1/users`, {
      data: { username: 'e2e-officer', displayName: '企业安全员 测试', password: DEMO_PASSWORD, role: 'enterprise_officer', regionCode: '320100', enterpriseUscc: v.enterprise.uscc },
    });
    assert.equal(created.status(), 201, await created.text());
    await admin.close();

    const ctx = await newContext();
    const page = await ctx.newPage();
    await signIn(page, 'e2e-officer', `/registry/${v.enterprise.id}`);
    await page.getByTestId('enterprise-detail').waitFor();
    await page.getByRole('tab', { name: /联合检查日历/ }).click();
    const cal = page.getByTestId('enterprise-calendar');
    await cal.waitFor();
    const card = cal.locator('[data-testid="visit-card"]', { hasText: moved.date });
    await card.first().waitFor();
    const depts = await card.first().getByTestId('visit-department').allInnerTexts();
    for (const p of v.plans) assert.ok(depts.some((d) => d.includes(p.department.name)), `${p.department.name} is on the card`);
    await page.screenshot({ path: join(shots, 'planning-12-enterprise-calendar-zh.png'), fullPage: true });
    await ctx.close();
  });
});

/**
 * Browser test of the register's main flow, in headless Debian Chromium (playwright-core, never a downloaded
 * browser): sign in, switch language, open the register, filter, import a file with one bad row and see that row's
 * error, open an enterprise's file. Screenshots go to test-results/.
 * Needs the built web app (npm run build:web) and /usr/bin/chromium.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { startApp } from '../../src/app.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { computeUsccCheck } from '../../src/core/codes/uscc.ts';

const shots = resolve('test-results');
const webDir = resolve('dist/web');

function code(body: string): string {
  const first17 = `91320115${body}`;
  return first17 + computeUsccCheck(first17);
}

describe('register in the browser', { skip: !existsSync(join(webDir, 'index.html')) ? 'web app not built (npm run build:web)' : false }, () => {
  let stop: () => Promise<void> = async () => {};
  let browser: Browser;
  let page: Page;
  let base = '';
  const dir = mkdtempSync(join(tmpdir(), 'anjian-e2e-'));

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
    page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    stop = async () => {
      await browser.close();
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    };
  });

  after(async () => stop());

  test('the login page shows the demo accounts, and signing in opens the register', async () => {
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').waitFor();
    await page.getByTestId('demo-accounts').waitFor();
    assert.match(await page.getByTestId('demo-accounts').innerText(), /coordinator/);
    await page.screenshot({ path: join(shots, '01-login-zh.png') });
    await page.getByTestId('login-username').fill('coordinator');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('menu-registry').waitFor();
    await page.getByTestId('menu-registry').click();
    await page.getByTestId('enterprise-table').waitFor();
    await page.getByTestId('enterprise-row').first().waitFor();
    await page.screenshot({ path: join(shots, '02-registry-zh.png') });
  });

  test('switching the language to English changes the labels and survives a reload', async () => {
    assert.equal(await page.getByTestId('lang-switch').first().getAttribute('data-locale'), 'zh-CN');
    await page.getByTestId('lang-switch').first().click();
    await page.getByText('Enterprise registry').first().waitFor();
    await page.reload();
    await page.getByTestId('enterprise-table').waitFor();
    assert.equal(await page.getByTestId('lang-switch').first().getAttribute('data-locale'), 'en-US');
    await page.getByText('Enterprise registry').first().waitFor();
    await page.screenshot({ path: join(shots, '03-registry-en.png') });
    await page.getByTestId('lang-switch').first().click();
    await page.getByText('企业').first().waitFor();
  });

  test('filtering by the keyword 化工 lists only matching enterprises', async () => {
    await page.getByTestId('filter-keyword').fill('化工');
    // Wait for the filtered answer itself, then for the table to have rendered it (not the list shown before).
    const filtered = page.waitForResponse(
      (r) => r.url().includes('/api/v1/enterprises?') && new URL(r.url()).searchParams.get('keyword') === '化工',
    );
    await page.getByTestId('filter-submit').click();
    const body = (await (await filtered).json()) as { total: number; items: { name: string }[] };
    assert.ok(body.items.length > 0, 'the server found matches');
    await page.waitForURL(/keyword=/);
    await page.getByTestId('enterprise-link').filter({ hasText: body.items[0]!.name }).first().waitFor();
    await page.waitForSelector('[data-testid="enterprise-table"][data-loading="false"]');
    const names = await page.getByTestId('enterprise-link').allInnerTexts();
    assert.ok(names.length > 0, 'some enterprises match');
    for (const n of names) assert.match(n, /化工/);
    await page.screenshot({ path: join(shots, '04-registry-filtered.png') });
  });

  test('importing a file with one bad row shows that row, and writes nothing', async () => {
    const file = join(dir, 'import.csv');
    const header = '统一社会信用代码,企业名称,行政区划代码,行业领域';
    const good = [`${code('MA0E2E001')},南京浏览器测试化工有限公司,320115001,危险化学品`, `${code('MA0E2E002')},南京浏览器测试机械有限公司,320115002,机械`];
    const badCode = code('MA0E2E003').slice(0, 17) + (code('MA0E2E003').endsWith('0') ? '1' : '0');
    const bad = `${badCode},南京浏览器测试坏行有限公司,320115001,危险化学品`;
    writeFileSync(file, `${header}\n${good[0]}\n${good[1]}\n${bad}\n`);
    await page.goto(`${base}/registry/import`);
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-errors').waitFor({ timeout: 30_000 });
    const errors = await page.getByTestId('import-errors').innerText();
    assert.match(errors, /\b4\b/, 'the bad row is row 4 (header is row 1)');
    assert.match(errors, /统一社会信用代码/);
    await page.screenshot({ path: join(shots, '05-import-error.png') });
    await page.goto(`${base}/registry?keyword=${encodeURIComponent('浏览器测试')}`);
    await page.getByTestId('enterprise-table').waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByTestId('enterprise-link').count(), 0, 'nothing was written');
  });

  test('an enterprise file (一企一档) opens from the list', async () => {
    await page.goto(`${base}/registry`);
    await page.getByTestId('enterprise-link').first().waitFor();
    const name = (await page.getByTestId('enterprise-link').first().innerText()).trim();
    await page.getByTestId('enterprise-link').first().click();
    await page.getByTestId('enterprise-detail').waitFor();
    assert.match(await page.getByTestId('enterprise-detail').innerText(), new RegExp(name.replace(/[()（）]/g, '.')));
    await page.screenshot({ path: join(shots, '06-detail.png'), fullPage: true });
  });

  test('the register works on a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/registry`);
    await page.getByTestId('enterprise-row').first().waitFor({ state: 'attached' });
    await page.getByTestId('menu-toggle').waitFor();
    await page.screenshot({ path: join(shots, '07-phone-registry.png') });
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('menu-registry').last().waitFor();
    await page.screenshot({ path: join(shots, '08-phone-menu.png') });
  });
});

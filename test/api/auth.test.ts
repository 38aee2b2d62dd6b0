import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnDatabases, login, PASSWORD } from '../support/harness.ts';

describeOnDatabases('auth', (env) => {
  test('signing in sets an HttpOnly session cookie and /auth/me answers who I am', async () => {
    const { app } = env();
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'inspector', password: PASSWORD } });
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'anjian_session');
    assert.ok(cookie?.httpOnly, 'session cookie is HttpOnly');
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `anjian_session=${cookie!.value}` } });
    assert.equal(me.json().username, 'inspector');
    assert.equal(me.json().role, 'inspector');
    assert.equal(me.json().regionCode, '320115');
  });

  test('the enterprise list answers 401 without a session, in the language asked for', async () => {
    const { app } = env();
    const zh = await app.inject({ method: 'GET', url: '/api/v1/enterprises' });
    assert.equal(zh.statusCode, 401);
    assert.deepEqual(Object.keys(zh.json()).sort(), ['code', 'details', 'message']);
    assert.equal(zh.json().message, '请先登录');
    const en = await app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: { 'accept-language': 'en-US' } });
    assert.equal(en.json().message, 'Please sign in');
  });

  test('five wrong passwords in a row lock the account, even against the right password', async () => {
    const { app, clock } = env();
    for (let i = 0; i < 4; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'expert', password: 'wrong' } });
      assert.equal(r.statusCode, 401);
    }
    const fifth = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'expert', password: 'wrong' } });
    assert.equal(fifth.statusCode, 423);
    const right = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'expert', password: PASSWORD } });
    assert.equal(right.statusCode, 423, 'locked even with the right password');
    const saved = clock.now;
    clock.now = new Date(saved.getTime() + 16 * 60_000);
    try {
      const later = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'expert', password: PASSWORD } });
      assert.equal(later.statusCode, 200, 'the lock ends after 15 minutes');
    } finally {
      clock.now = saved;
    }
  });

  test('logout ends the session; the old cookie no longer works', async () => {
    const { app } = env();
    const cookie = await login(app, 'grid');
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode, 200);
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode, 204);
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode, 401);
  });

  test('changing the password needs the old one, and the new one then signs in', async () => {
    const { app } = env();
    const cookie = await login(app, 'coordinatorSuzhou');
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { oldPassword: 'nope', newPassword: 'NewPass123' } });
    assert.equal(wrong.statusCode, 422);
    assert.equal(wrong.json().details[0].field, 'oldPassword');
    const weak = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { oldPassword: PASSWORD, newPassword: 'short' } });
    assert.equal(weak.statusCode, 422);
    const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { oldPassword: PASSWORD, newPassword: 'NewPass123' } });
    assert.equal(ok.statusCode, 204);
    await login(app, 'coordinatorSuzhou', 'NewPass123');
  });

  test('health answers with the database kind', async () => {
    const { app, kind } = env();
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().database, kind);
  });
});

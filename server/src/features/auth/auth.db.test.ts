import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testEngine, writableTestApp } from '../../testing/test-db';
import { DEMO_PASSWORD } from './demo-accounts';

/** Accounts, sessions, CSRF and the audit log (throttling: sign-in-safety.db.test.ts), through the HTTP API as a browser would use it. */
let ctx: Awaited<ReturnType<typeof writableTestApp>>;
beforeAll(async () => {
  ctx = await writableTestApp();
});
afterAll(async () => {
  if (testEngine() === 'postgres') {
    await ctx.db.query(`delete from users where username like 'test-%'`);
    await ctx.db.query(`delete from login_attempts where username like 'test-%' or username = 'bcd.sonla'`);
  }
  await ctx.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  ctx.raw.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const cookieOf = (res: Response) => /pcmt_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

describe('signing in', () => {
  it('starts an httpOnly, SameSite=Strict session and returns the user with a CSRF token', async () => {
    const res = await post('/api/auth/login', { username: 'bcd.hanoi', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const body = (await res.json()) as { user: { role: string; jurisdiction: string[] }; csrfToken: string };
    expect(body.user).toMatchObject({ role: 'committee', jurisdiction: ['01'] });
    expect(body.csrfToken.length).toBeGreaterThan(20);
    const session = await ctx.raw.request('/api/auth/session', {
      headers: { cookie: `pcmt_session=${cookieOf(res)}` },
    });
    expect(await session.json()).toMatchObject({ user: { username: 'bcd.hanoi' } });
  });

  it('refuses a wrong password with the same answer as an unknown account', async () => {
    const wrong = await post('/api/auth/login', { username: 'bcd.hanoi', password: 'not-the-password' });
    const unknown = await post('/api/auth/login', { username: 'test-nobody', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('issues a new session id at login, so a planted session token is worthless (session fixation)', async () => {
    const first = cookieOf(
      await post('/api/auth/login', { username: 'congan.hanoi', password: DEMO_PASSWORD }),
    );
    const second = await post(
      '/api/auth/login',
      { username: 'congan.hanoi', password: DEMO_PASSWORD },
      { cookie: `pcmt_session=${first}` },
    );
    const renewed = cookieOf(second);
    expect(renewed).toBeTruthy();
    expect(renewed).not.toBe(first);
    const old = await ctx.raw.request('/api/auth/session', { headers: { cookie: `pcmt_session=${first}` } });
    expect(await old.json()).toMatchObject({ user: null });
  });

  it('rejects a sign-in posted from another site', async () => {
    const res = await post(
      '/api/auth/login',
      { username: 'bcd.hanoi', password: DEMO_PASSWORD },
      { origin: 'https://evil.example', host: 'localhost' },
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'csrf_failed', field: 'origin' } });
  });
});

describe('writes need the session CSRF token', () => {
  it('refuses a write without or with a wrong X-CSRF-Token and accepts it with the right one', async () => {
    const admin = await signIn(ctx.raw, 'admin');
    const user = {
      username: 'test-csrf',
      displayName: 'Test',
      role: 'committee',
      jurisdiction: ['01'],
      password: 'a-long-password-1',
    };
    const send = (csrf: string | null) =>
      admin.request('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(csrf === null ? {} : { 'x-csrf-token': csrf }) },
        body: JSON.stringify(user),
      });
    // The client adds the right token unless one is given: an empty header stands for "missing".
    const missing = await send('');
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ error: { code: 'csrf_failed', field: 'x-csrf-token' } });
    expect((await send('forged-token')).status).toBe(403);
    const [{ n: before }] = (await ctx.db.query<{ n: number }>(`select count(*)::int as n from users`)) as [
      { n: number },
    ];
    expect(before).toBeGreaterThan(0);
    expect((await ctx.db.query(`select 1 from users where username = 'test-csrf'`)).length).toBe(0);
    expect((await send(null)).status).toBe(201);
  });
});

describe('accounts and the audit log', () => {
  it('lets an admin create, change and disable an account; each write leaves an audit row', async () => {
    const admin = await signIn(ctx.raw, 'admin');
    const json = { 'content-type': 'application/json' };
    const created = await admin.request('/api/users', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        username: 'test-officer',
        displayName: 'Cán bộ thử',
        role: 'data_officer',
        jurisdiction: ['14'],
        password: 'another-long-pass',
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const officer = await signIn(ctx.raw, null);
    const login = await post('/api/auth/login', { username: 'test-officer', password: 'another-long-pass' });
    expect(login.status).toBe(200);
    void officer;
    const patched = await admin.request(`/api/users/${id}`, {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ active: false }),
    });
    expect(patched.status).toBe(200);
    // Disabling ends the account's sessions at once.
    const after = await ctx.raw.request('/api/auth/session', {
      headers: { cookie: `pcmt_session=${cookieOf(login)}` },
    });
    expect(await after.json()).toMatchObject({ user: null });
    const audit = (await (await admin.request(`/api/audit?entity=user`)).json()) as {
      rows: Array<{ action: string; entityId: string; before: unknown; after: { active?: boolean } }>;
    };
    const mine = audit.rows.filter((r) => r.entityId === String(id));
    expect(mine.map((r) => r.action).sort()).toEqual(['create', 'update']);
    expect(mine.find((r) => r.action === 'update')?.after.active).toBe(false);
    expect(JSON.stringify(audit)).not.toMatch(/argon2/);
  });

  it('names the wrong field of a bad account', async () => {
    const admin = await signIn(ctx.raw, 'admin');
    const res = await admin.request('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'test-x',
        displayName: 'X',
        role: 'committee',
        jurisdiction: ['99'],
        password: 'long-enough-pw',
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { field: 'jurisdiction' } });
    const weak = await admin.request('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'test-y',
        displayName: 'Y',
        role: 'committee',
        jurisdiction: ['01'],
        password: 'short',
      }),
    });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ error: { field: 'password' } });
  });

  it('keeps the audit log append-only, even for the database owner', async () => {
    await expect(ctx.db.query(`update audit_log set actor = 'someone-else'`)).rejects.toThrow(/append-only/);
    await expect(ctx.db.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
  });

  it('changes a password: the old one stops working and other sessions end', async () => {
    const admin = await signIn(ctx.raw, 'admin');
    await admin.request('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'test-pw',
        displayName: 'P',
        role: 'police',
        jurisdiction: ['01'],
        password: 'first-password-1',
      }),
    });
    const other = cookieOf(
      await post('/api/auth/login', { username: 'test-pw', password: 'first-password-1' }),
    );
    const login = await post('/api/auth/login', { username: 'test-pw', password: 'first-password-1' });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const changed = await post(
      '/api/auth/password',
      { currentPassword: 'first-password-1', newPassword: 'second-password-2' },
      { cookie: `pcmt_session=${cookieOf(login)}`, 'x-csrf-token': csrfToken },
    );
    expect(changed.status).toBe(200);
    const otherNow = await ctx.raw.request('/api/auth/session', {
      headers: { cookie: `pcmt_session=${other}` },
    });
    expect(await otherNow.json()).toMatchObject({ user: null });
    expect(
      (await post('/api/auth/login', { username: 'test-pw', password: 'first-password-1' })).status,
    ).toBe(401);
    expect(
      (await post('/api/auth/login', { username: 'test-pw', password: 'second-password-2' })).status,
    ).toBe(200);
  });

  it('signs out: the session ends on the server, not only in the browser', async () => {
    const login = await post('/api/auth/login', { username: 'thongke.hanoi', password: DEMO_PASSWORD });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = `pcmt_session=${cookieOf(login)}`;
    const out = await ctx.raw.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    expect(await (await ctx.raw.request('/api/auth/session', { headers: { cookie } })).json()).toMatchObject({
      user: null,
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testEngine, writableTestApp } from '../../testing/test-db';
import { DEMO_PASSWORD } from './demo-accounts';
import { THROTTLE } from './login-throttle';
import { getUser, updateUser } from './users.repo';

/**
 * Guessing limits that cannot be turned into a lock-out, the password policy, the last administrator and
 * the audit of sign-ins and sign-outs (issue 13, findings 8, 9, 13, 14), through the HTTP API. Requests
 * come from documentation addresses (RFC 5737) given as the socket's peer, as the node server passes it.
 */
let ctx: Awaited<ReturnType<typeof writableTestApp>>;
beforeAll(async () => {
  ctx = await writableTestApp();
});
afterAll(async () => {
  if (testEngine() === 'postgres') {
    await ctx.db.query(`delete from login_attempts where address like '198.51.100.%' or address like '203.0.113.%'
                          or username like 'test-safe-%'`);
    await ctx.db.query(`delete from users where username like 'test-safe-%'`);
    await ctx.db.query(`update users set active = true, role = 'admin' where username = 'admin'`);
  }
  await ctx.close();
});

const peer = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

function login(username: string, password: string, address: string, headers: Record<string, string> = {}) {
  return ctx.raw.request(
    '/api/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username, password }),
    },
    peer(address),
  );
}

/** Moves the recorded attempts of an address back in time, as if that many seconds had passed. */
async function wait(seconds: number, where: string, params: unknown[]) {
  await ctx.db.query(
    `update login_attempts set at = at - make_interval(secs => ${Number(seconds)}) where ${where}`,
    params,
  );
}

const statuses = (responses: Response[]) => responses.map((r) => r.status);

async function newUser(username: string, role = 'committee', password = 'a-long-password-1') {
  const admin = await signIn(ctx.raw, 'admin');
  const res = await admin.request('/api/users', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, displayName: username, role, jurisdiction: ['VN'], password }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

describe('sign-in throttling', () => {
  it('20 failures from one address do not stop another account signing in from it (one office, one NAT)', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await login(`test-safe-ghost${i % 4}`, `wrong-${i}`, '198.51.100.10')).status).toBe(401);
    }
    expect((await login('bcd.hanoi', DEMO_PASSWORD, '198.51.100.10')).status).toBe(200);
  });

  it('5 failures slow that account at that address only, doubling the wait, and a right password elsewhere works', async () => {
    for (let i = 0; i < THROTTLE.pair.free; i++) {
      expect((await login('congan.sonla', `wrong-${i}`, '198.51.100.20')).status).toBe(401);
    }
    const slowed = await login('congan.sonla', DEMO_PASSWORD, '198.51.100.20');
    expect(slowed.status).toBe(429);
    const first = Number(slowed.headers.get('retry-after'));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(THROTTLE.pair.firstDelaySeconds);
    expect(await slowed.json()).toMatchObject({
      error: { code: 'too_many_attempts', message: /Quá nhiều lần/ },
    });
    // The owner of the account, elsewhere, is not locked out by the guesser.
    expect((await login('congan.sonla', DEMO_PASSWORD, '203.0.113.20')).status).toBe(200);
    // Once the wait has passed the guesser gets one more try, and then waits twice as long.
    await wait(first + 1, `address = $1`, ['198.51.100.20']);
    expect((await login('congan.sonla', 'wrong-again', '198.51.100.20')).status).toBe(401);
    const again = await login('congan.sonla', DEMO_PASSWORD, '198.51.100.20');
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(THROTTLE.pair.firstDelaySeconds);
    expect(Number(again.headers.get('retry-after'))).toBeLessThanOrEqual(2 * THROTTLE.pair.firstDelaySeconds);
  });

  it('guessing one account from many addresses slows new addresses by a minute at most, never its usual one', async () => {
    expect((await login('congan.hanoi', DEMO_PASSWORD, '203.0.113.30')).status).toBe(200);
    // Guessers at four addresses use up the account's free tries (4 × 5 = 20).
    for (let a = 0; a < THROTTLE.account.free / THROTTLE.pair.free; a++) {
      for (let i = 0; i < THROTTLE.pair.free; i++) {
        expect((await login('congan.hanoi', `wrong-${a}-${i}`, `198.51.100.${30 + a}`)).status).toBe(401);
      }
    }
    // The account's user signs in from where it usually does…
    expect((await login('congan.hanoi', DEMO_PASSWORD, '203.0.113.30')).status).toBe(200);
    // …a new address waits, at most the account-wide cap…
    const fresh = await login('congan.hanoi', DEMO_PASSWORD, '203.0.113.31');
    expect(fresh.status).toBe(429);
    expect(Number(fresh.headers.get('retry-after'))).toBeLessThanOrEqual(THROTTLE.account.capSeconds);
    // …and gets in once that minute has passed, though the guessing went on all along.
    await wait(THROTTLE.account.capSeconds + 1, `username = $1`, ['congan.hanoi']);
    expect((await login('congan.hanoi', DEMO_PASSWORD, '203.0.113.31')).status).toBe(200);
  });

  it('counts concurrent attempts: 10 parallel guesses check the password 5 times, the rest wait', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login('bcd.quocgia', `parallel-${i}`, '198.51.100.50')),
    );
    expect(statuses(responses).sort()).toEqual([...Array(5).fill(401), ...Array(5).fill(429)]);
    const [row] = await ctx.db.query<{ n: number }>(
      `select count(*)::int as n from login_attempts where address = '198.51.100.50'`,
    );
    expect(row?.n).toBe(THROTTLE.pair.free);
  });

  it('reads the client from X-Forwarded-For only when the peer is a trusted proxy', async () => {
    const before = process.env.PCMT_TRUSTED_PROXIES;
    try {
      // Not trusted: every client behind 127.0.0.9 is one address, and the header is ignored.
      delete process.env.PCMT_TRUSTED_PROXIES;
      for (let i = 0; i < THROTTLE.pair.free; i++) {
        await login('bcd.xa', `wrong-${i}`, '127.0.0.9', { 'x-forwarded-for': `198.51.100.${60 + i}` });
      }
      expect(
        (await login('bcd.xa', DEMO_PASSWORD, '127.0.0.9', { 'x-forwarded-for': '198.51.100.69' })).status,
      ).toBe(429);
      // Trusted: the header names the client; the guesser's address waits, another client's does not.
      process.env.PCMT_TRUSTED_PROXIES = '127.0.0.0/8';
      for (let i = 0; i < THROTTLE.pair.free; i++) {
        await login('thongke.hanoi', `wrong-${i}`, '127.0.0.1', { 'x-forwarded-for': '198.51.100.70' });
      }
      const guesser = await login('thongke.hanoi', DEMO_PASSWORD, '127.0.0.1', {
        'x-forwarded-for': '198.51.100.70',
      });
      expect(guesser.status).toBe(429);
      const other = await login('thongke.hanoi', DEMO_PASSWORD, '127.0.0.1', {
        'x-forwarded-for': '198.51.100.71',
      });
      expect(other.status).toBe(200);
      const [row] = await ctx.db.query<{ n: number }>(
        `select count(*)::int as n from login_attempts where username = 'thongke.hanoi' and address = '198.51.100.70'`,
      );
      expect(row?.n).toBe(THROTTLE.pair.free);
    } finally {
      if (before === undefined) delete process.env.PCMT_TRUSTED_PROXIES;
      else process.env.PCMT_TRUSTED_PROXIES = before;
      await ctx.db.query(`delete from login_attempts where address like '127.%'`);
    }
  });
});

describe('password change', () => {
  async function session(username: string, password: string, address: string) {
    const res = await login(username, password, address);
    expect(res.status).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = /pcmt_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    return (body: unknown) =>
      ctx.raw.request(
        '/api/auth/password',
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: `pcmt_session=${cookie}`,
            'x-csrf-token': csrfToken,
          },
          body: JSON.stringify(body),
        },
        peer(address),
      );
  }

  it('is throttled like signing in: wrong current passwords count, then even the right one waits', async () => {
    await newUser('test-safe-pw');
    const change = await session('test-safe-pw', 'a-long-password-1', '198.51.100.80');
    for (let i = 0; i < THROTTLE.pair.free; i++) {
      const res = await change({ currentPassword: `guess-${i}`, newPassword: 'new-long-password-9' });
      expect(res.status).toBe(401);
    }
    const slowed = await change({ currentPassword: 'a-long-password-1', newPassword: 'new-long-password-9' });
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    // Every wrong current password is in the audit log, with the address.
    const failures = await ctx.db.query<{ after: { address: string } }>(
      `select after from audit_log where action = 'password_change_failed' and actor = 'test-safe-pw'`,
    );
    expect(failures).toHaveLength(THROTTLE.pair.free);
    expect(failures[0]?.after.address).toBe('198.51.100.80');
  });

  it('refuses common and repetitive new passwords, naming the field', async () => {
    await newUser('test-safe-weak');
    const change = await session('test-safe-weak', 'a-long-password-1', '198.51.100.81');
    for (const weak of ['aaaaaaaaaa', '1234567890', 'matkhau123', 'qwertyuiop', 'test-safe-weak1']) {
      const res = await change({ currentPassword: 'a-long-password-1', newPassword: weak });
      expect(res.status, weak).toBe(400);
      expect(await res.json()).toMatchObject({ error: { field: 'newPassword' } });
    }
    const ok = await change({ currentPassword: 'a-long-password-1', newPassword: 'gió-mùa-đông-bắc-7' });
    expect(ok.status).toBe(200);
  });

  it('applies the same policy when an admin creates or resets an account', async () => {
    const admin = await signIn(ctx.raw, 'admin');
    const create = await admin.request('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'test-safe-new',
        displayName: 'Mới',
        role: 'police',
        jurisdiction: ['01'],
        password: '1234567890',
      }),
    });
    expect(create.status).toBe(400);
    expect(await create.json()).toMatchObject({ error: { field: 'password', message: /dễ đoán/ } });
    const id = await newUser('test-safe-reset');
    const reset = await admin.request(`/api/users/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'aaaaaaaaaa' }),
    });
    expect(reset.status).toBe(400);
    expect(await reset.json()).toMatchObject({ error: { field: 'password' } });
  });
});

describe('the last administrator', () => {
  it('cannot demote or disable itself when no other admin is active', async () => {
    const admin = await signIn(ctx.raw, 'admin');
    const [me] = await ctx.db.query<{ id: number }>(`select id from users where username = 'admin'`);
    const others = await ctx.db.query(
      `select 1 from users where role = 'admin' and active and username <> 'admin'`,
    );
    expect(others).toHaveLength(0);
    const patch = (body: unknown) =>
      admin.request(`/api/users/${me?.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const demote = await patch({ role: 'committee' });
    expect(demote.status).toBe(409);
    expect(await demote.json()).toMatchObject({ error: { code: 'last_admin', field: 'role' } });
    const disable = await patch({ active: false });
    expect(disable.status).toBe(409);
    expect(await disable.json()).toMatchObject({ error: { code: 'last_admin', field: 'active' } });
    const [still] = await ctx.db.query<{ role: string; active: boolean }>(
      `select role, active from users where username = 'admin'`,
    );
    expect(still).toEqual({ role: 'admin', active: true });
    // Renaming itself is fine.
    expect((await patch({ displayName: 'Quản trị hệ thống' })).status).toBe(200);
  });

  it('two admins demoting each other at once: one succeeds, one is refused, an admin remains', async () => {
    const a = await newUser('test-safe-admin-a', 'admin');
    const b = await newUser('test-safe-admin-b', 'admin');
    await ctx.db.query(`update users set active = false where username = 'admin'`);
    try {
      const demote = async (id: number) => {
        const before = await getUser(ctx.db, id);
        if (!before) throw new Error('no user');
        return ctx.db.transaction((tx) => updateUser(tx, before, { role: 'committee' }));
      };
      const results = await Promise.allSettled([demote(a), demote(b)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect(refused?.status === 'rejected' && refused.reason).toMatchObject({ status: 409, field: 'role' });
      const admins = await ctx.db.query(`select 1 from users where role = 'admin' and active`);
      expect(admins).toHaveLength(1);
    } finally {
      await ctx.db.query(`update users set active = true where username = 'admin'`);
    }
  });
});

describe('audit of sessions', () => {
  it('records failed sign-ins (without the password) and sign-outs', async () => {
    expect((await login('bcd.sonla', 'not-my-password-x', '203.0.113.90')).status).toBe(401);
    const failed = await ctx.db.query<{ actor: string; after: unknown }>(
      `select actor, after from audit_log where action = 'login_failed' and after->>'address' = '203.0.113.90'`,
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]?.actor).toBe('bcd.sonla');
    expect(JSON.stringify(failed)).not.toMatch(/not-my-password/);

    const res = await login('bcd.sonla', DEMO_PASSWORD, '203.0.113.90');
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = /pcmt_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    const out = await ctx.raw.request(
      '/api/auth/logout',
      { method: 'POST', headers: { cookie: `pcmt_session=${cookie}`, 'x-csrf-token': csrfToken } },
      peer('203.0.113.90'),
    );
    expect(out.status).toBe(204);
    const logouts = await ctx.db.query(
      `select 1 from audit_log where action = 'logout' and actor = 'bcd.sonla' and after->>'address' = '203.0.113.90'`,
    );
    expect(logouts).toHaveLength(1);
  });
});

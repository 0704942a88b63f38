import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

describe('readEnv', () => {
  it('uses the embedded database when DATABASE_URL is absent or empty', () => {
    expect(readEnv({}).DATABASE_URL).toBeUndefined();
    expect(readEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    expect(readEnv({ DATABASE_URL: 'postgres://u@127.0.0.1:5433/db' }).DATABASE_URL).toBe(
      'postgres://u@127.0.0.1:5433/db',
    );
  });

  it('names the setting that is wrong', () => {
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readEnv({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});

describe('database roles and limits', () => {
  it('reads the migration role and falls back to DATABASE_URL when it is absent', () => {
    expect(readEnv({}).PCMT_MIGRATION_DATABASE_URL).toBeUndefined();
    expect(readEnv({ PCMT_MIGRATION_DATABASE_URL: '' }).PCMT_MIGRATION_DATABASE_URL).toBeUndefined();
    expect(
      readEnv({ PCMT_MIGRATION_DATABASE_URL: 'postgres://owner@db/pcmt' }).PCMT_MIGRATION_DATABASE_URL,
    ).toBe('postgres://owner@db/pcmt');
    expect(() => readEnv({ PCMT_MIGRATION_DATABASE_URL: 'owner' })).toThrow(/PCMT_MIGRATION_DATABASE_URL/);
  });

  it('bounds every statement to 15 s unless told otherwise (0 = no limit)', () => {
    expect(readEnv({}).PCMT_STATEMENT_TIMEOUT_MS).toBe(15_000);
    expect(readEnv({ PCMT_STATEMENT_TIMEOUT_MS: '0' }).PCMT_STATEMENT_TIMEOUT_MS).toBe(0);
    expect(() => readEnv({ PCMT_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(/PCMT_STATEMENT_TIMEOUT_MS/);
  });
});

describe('PCMT_TRUSTED_PROXIES', () => {
  it('trusts no proxy by default', () => {
    expect(readEnv({}).PCMT_TRUSTED_PROXIES).toEqual([]);
  });

  it('takes addresses and CIDR blocks of both families', () => {
    expect(
      readEnv({ PCMT_TRUSTED_PROXIES: '127.0.0.1, ::1,10.0.0.0/8,fd00::/8' }).PCMT_TRUSTED_PROXIES,
    ).toEqual(['127.0.0.1', '::1', '10.0.0.0/8', 'fd00::/8']);
  });

  it('refuses host names and bad blocks, naming the setting', () => {
    for (const bad of ['proxy.local', '10.0.0.0/33', '10.0.0.1/8/1', '::1/129', '10.0.0/8']) {
      expect(() => readEnv({ PCMT_TRUSTED_PROXIES: bad })).toThrow(/PCMT_TRUSTED_PROXIES/);
    }
  });
});

describe('public origin', () => {
  it('reads PCMT_PUBLIC_ORIGIN as an origin and refuses anything more than one', () => {
    expect(readEnv({}).PCMT_PUBLIC_ORIGIN).toBeUndefined();
    expect(readEnv({ PCMT_PUBLIC_ORIGIN: '' }).PCMT_PUBLIC_ORIGIN).toBeUndefined();
    expect(readEnv({ PCMT_PUBLIC_ORIGIN: 'https://pcmt.example.gov.vn/' }).PCMT_PUBLIC_ORIGIN).toBe(
      'https://pcmt.example.gov.vn',
    );
    expect(readEnv({ PCMT_PUBLIC_ORIGIN: 'https://pcmt.example.gov.vn:443' }).PCMT_PUBLIC_ORIGIN).toBe(
      'https://pcmt.example.gov.vn',
    );
    for (const bad of ['pcmt.example.gov.vn', 'https://pcmt.example.gov.vn/app', 'ftp://x.vn']) {
      expect(() => readEnv({ PCMT_PUBLIC_ORIGIN: bad }), bad).toThrow(/PCMT_PUBLIC_ORIGIN/);
    }
  });
});

import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { afterDataChange } from './data-changes';

const seeded = () => {
  const client = new QueryClient();
  for (const key of [
    ['values', { indicator: 'x' }],
    ['status', { period: '2026-Q3' }],
    ['series', 'x'],
    ['plans', 'plan', 'kh-1'],
    ['units', { level: 'commune' }],
    ['unit-versions'],
    ['indicators'],
    ['users'],
  ])
    client.setQueryData(key, 1);
  return client;
};
const stale = (client: QueryClient) =>
  client
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.isInvalidated)
    .map((q) => String(q.queryKey[0]))
    .sort();

describe('after a write, every answer that reads the changed data is refetched', () => {
  it('a values import refreshes maps, statuses, series and scorecards, not the units', async () => {
    const client = seeded();
    await afterDataChange(client, 'values', 'imports');
    expect(stale(client)).toEqual(['plans', 'series', 'status', 'values']);
  });

  it('a boundary import refreshes the units and their versions too', async () => {
    const client = seeded();
    await afterDataChange(client, 'units', 'crosswalk', 'imports');
    expect(stale(client)).toEqual(['plans', 'series', 'status', 'unit-versions', 'units', 'values']);
  });

  it('every kind the server follows (@pcmt/domain/data-kinds) names what it refreshes: the hotspot register its layers', async () => {
    const client = seeded();
    client.setQueryData(['hotspots', 'all', '2026-09-30'], 1);
    client.setQueryData(['hotspot-counts', '14', '2026-09-30'], 1);
    await afterDataChange(client, 'hotspots');
    expect(stale(client)).toEqual(['hotspot-counts', 'hotspots']);
    const accounts = seeded();
    await afterDataChange(accounts, 'accounts');
    expect(stale(accounts)).toEqual(['users']);
  });
});

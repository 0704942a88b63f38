import { describe, expect, it } from 'vitest';
import { AUDIENCE_ROLES, type Audience, isRole, mayReach, ROLE_LABELS_VI, ROLES, type Role } from './roles';

const reached = (role: Role | null) =>
  (Object.keys(AUDIENCE_ROLES) as Audience[]).filter((a) => mayReach(role, a)).sort();

describe('roles and audiences', () => {
  it('give each role exactly its part: committees plan, police see positions, data officers enter values', () => {
    expect(reached(null)).toEqual(['public']);
    expect(reached('committee')).toEqual(['internal', 'planning', 'public']);
    expect(reached('police')).toEqual(['internal', 'police', 'police_write', 'public']);
    expect(reached('data_officer')).toEqual(['data_entry', 'internal', 'public']);
    expect(reached('admin')).toEqual(Object.keys(AUDIENCE_ROLES).sort());
  });

  it('keep hotspot positions from committees and the accounts page from everyone but admins', () => {
    expect(mayReach('committee', 'police')).toBe(false);
    expect(mayReach('police', 'admin')).toBe(false);
    expect(mayReach('data_officer', 'planning')).toBe(false);
  });

  it('name every role in Vietnamese and know only those roles', () => {
    for (const role of ROLES) expect(ROLE_LABELS_VI[role], role).toMatch(/[ảỉôáộốđạ]/);
    expect(new Set(Object.values(ROLE_LABELS_VI)).size).toBe(ROLES.length);
    expect(isRole('police')).toBe(true);
    expect(isRole('public')).toBe(false);
    expect(isRole('Admin')).toBe(false);
  });
});

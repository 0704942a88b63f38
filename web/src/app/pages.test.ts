import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../entities/auth/session';
import { translate } from '../lib/i18n';
import { mayOpen, NAV_GROUPS, navGroupsFor, PAGES } from './pages';

const as = (role: SessionUser['role']) => ({ role }) as SessionUser;

describe("the header's groups", () => {
  it('hold every page that has a header link, each in exactly one group', () => {
    const linked = PAGES.filter((p) => p.navHref !== null).map((p) => p.id);
    const grouped = NAV_GROUPS.flatMap((g) => g.pages);
    expect([...grouped].sort()).toEqual([...linked].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  it('are few enough for one line (at most six) and named in Vietnamese', () => {
    expect(NAV_GROUPS.length).toBeLessThanOrEqual(6);
    for (const g of NAV_GROUPS) expect(translate('vi', g.label)).not.toMatch(/^[A-Za-z ]+$/);
  });

  it('offer a user exactly the linked pages the user may open', () => {
    for (const user of [null, as('admin'), as('committee'), as('police'), as('data_officer')]) {
      const offered = navGroupsFor(user).flatMap((g) => g.pages.map((p) => p.id));
      const allowed = PAGES.filter((p) => p.navHref !== null && mayOpen(p, user)).map((p) => p.id);
      expect([...offered].sort(), user?.role ?? 'anonymous').toEqual([...allowed].sort());
      // No empty group is shown.
      expect(navGroupsFor(user).every((g) => g.pages.length > 0)).toBe(true);
    }
    // The administrator's pages need more than one level; an anonymous visitor sees the public figures only.
    expect(navGroupsFor(as('admin')).some((g) => g.pages.length > 1)).toBe(true);
    expect(navGroupsFor(null).flatMap((g) => g.pages.map((p) => p.id))).toEqual(['public']);
  });

  it('mark the group of a page reached from inside it (a plan, a scorecard) as the current one', () => {
    const groups = navGroupsFor(as('admin'));
    const scorecard = PAGES.find((p) => p.id === 'scorecard');
    if (!scorecard) throw new Error('no scorecard page');
    expect(groups.filter((g) => g.current(scorecard)).map((g) => g.group.id)).toEqual(['plans']);
  });
});

describe('page access', () => {
  it("follows the server's audience table: committees plan, police patrol, data officers import", () => {
    const opens = (role: SessionUser['role'] | null) =>
      PAGES.filter((p) => mayOpen(p, role ? as(role) : null))
        .map((p) => p.id)
        .filter((id) => ['plan-new', 'patrol', 'imports', 'admin', 'public'].includes(id))
        .sort();
    expect(opens(null)).toEqual(['public']);
    expect(opens('committee')).toEqual(['plan-new', 'public']);
    expect(opens('police')).toEqual(['patrol', 'public']);
    expect(opens('data_officer')).toEqual(['imports', 'public']);
    expect(opens('admin')).toEqual(['admin', 'imports', 'patrol', 'plan-new', 'public']);
  });
});

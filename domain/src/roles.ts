/**
 * Roles of signed-in staff and who reaches what: the one table the server authorizes every route with and the
 * web shows pages by. The steering committees (Ban chỉ đạo) of provinces and communes, the police (Công an:
 * the hotspot register and patrols), data officers and admins; anonymous visitors are `public`.
 */
export const ROLES = ['admin', 'committee', 'police', 'data_officer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

/** How each role is named to users. */
export const ROLE_LABELS_VI: Readonly<Record<Role, string>> = {
  admin: 'Quản trị',
  committee: 'Ban chỉ đạo',
  police: 'Công an',
  data_officer: 'Cán bộ thống kê',
};

/** Who an API route (and the page that calls it) is meant for. */
export type Audience =
  /** Anyone, signed in or not; only public fields and suppressed small counts. */
  | 'public'
  /** Signed-in staff of the unit's jurisdiction: internal indicators and statuses, hotspot counts. */
  | 'internal'
  /** Police of the jurisdiction: hotspot coordinates, register reads. */
  | 'police'
  /** Police writes: hotspot register edits, patrol plans. */
  | 'police_write'
  /** Plans, targets and status rule sets: committee and admin writes. */
  | 'planning'
  /** Indicator values and imports: data officers and admin. */
  | 'data_entry'
  /** Accounts, audit log, boundaries and unit versions. */
  | 'admin';

/**
 * Which roles reach which audience. The whole policy in one table: ban chỉ đạo (committee) sees every
 * indicator and status of its jurisdiction and hotspot *counts*; police see coordinates and edit the
 * register; data officers enter values; admins do everything.
 */
export const AUDIENCE_ROLES: Readonly<Record<Audience, readonly Role[]>> = {
  public: ROLES,
  internal: ['admin', 'committee', 'police', 'data_officer'],
  police: ['admin', 'police'],
  police_write: ['admin', 'police'],
  planning: ['admin', 'committee'],
  data_entry: ['admin', 'data_officer'],
  admin: ['admin'],
};

/** Whether `role` (null = anonymous) may call a route, or open a page, meant for `audience`. */
export function mayReach(role: Role | null, audience: Audience): boolean {
  if (audience === 'public') return true;
  return role !== null && AUDIENCE_ROLES[audience].includes(role);
}

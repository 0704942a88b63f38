import type { Audience } from '../../lib/access';

/**
 * Roles of signed-in staff: the steering committees (Ban chỉ đạo) of provinces and communes, the police
 * (Công an: the hotspot register and patrols), data officers and admins; anonymous visitors are `public`.
 */
export const ROLES = ['admin', 'committee', 'police', 'data_officer'] as const;
export type Role = (typeof ROLES)[number];

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

/** Whether `role` (null = anonymous) may call a route meant for `audience`. */
export function mayReach(role: Role | null, audience: Audience): boolean {
  if (audience === 'public') return true;
  return role !== null && AUDIENCE_ROLES[audience].includes(role);
}

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

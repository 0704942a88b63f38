import { z } from 'zod';
import { ROLES } from '../roles';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9._-]{3,64}$/,
    'phải gồm 3–64 chữ thường không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới',
  );

export const LoginBody = z.object({
  username: Username,
  password: z.string().min(1, 'is required').max(256, 'is too long'),
});

export const PasswordChangeBody = z.object({
  currentPassword: z.string().min(1, 'is required').max(256, 'is too long'),
  newPassword: z.string().max(256, 'is too long'),
});

export const RoleName = z.enum(ROLES);

/** VN (whole country), a province code (2 digits) or a commune code (5 digits) of the units in force. */
export const JurisdictionCode = z
  .string()
  .regex(/^(VN|\d{2}|\d{5})$/, 'phải là VN, mã tỉnh (2 chữ số) hoặc mã xã (5 chữ số)');

export const SessionUser = z.object({
  username: z.string(),
  displayName: z.string(),
  role: RoleName,
  jurisdiction: z.array(z.string()),
});

export const SessionResponse = z.object({
  user: SessionUser.nullable(),
  /** Echo in the X-CSRF-Token header on every write. */
  csrfToken: z.string().nullable(),
});

export const UserBody = z.object({
  username: Username,
  displayName: z.string().trim().min(1, 'is required').max(200, 'is too long'),
  role: RoleName,
  jurisdiction: z
    .array(JurisdictionCode)
    .min(1, 'needs at least one unit (VN for the whole country)')
    .max(500),
  password: z.string().max(256, 'is too long'),
});

export const UserPatch = z
  .object({
    displayName: z.string().trim().min(1, 'is required').max(200, 'is too long'),
    role: RoleName,
    jurisdiction: z.array(JurisdictionCode).min(1, 'needs at least one unit').max(500),
    active: z.boolean(),
    password: z.string().max(256, 'is too long'),
  })
  .partial();

export const UserRow = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: RoleName,
  active: z.boolean(),
  jurisdiction: z.array(z.string()),
  createdAt: z.string(),
});

export const UsersResponse = z.object({ rows: z.array(UserRow) });

export const AuditQuery = z.object({
  entity: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  before: z.coerce.number().int().positive().optional().describe('only entries with a smaller id (paging)'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditRow = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const AuditResponse = z.object({ rows: z.array(AuditRow) });

/** The roles and who reaches which audience are domain rules (@pcmt/domain/roles), shared with the web. */
export { AUDIENCE_ROLES, isRole, mayReach, ROLES, type Role } from '@pcmt/domain/roles';

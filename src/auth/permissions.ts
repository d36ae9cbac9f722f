import type { Profile } from '../db/schema/users.ts';
import { PROFILES } from '../db/schema/users.ts';

/**
 * Every permission, as `resource:action`. This module is the one place that says which profile
 * may do what (reference/ogone-platform.md §7); routes and services ask `can()`, menus and the
 * "Profiles and rights" page only mirror it. A permission is listed once its pages exist.
 */
export const PERMISSIONS = [
  'home:view',
  'support:view',
  'password:change',
  'otp:manage',
  'users:view',
  'users:manage',
  'api_users:set_password',
  'account:security',
  'account:view',
  'account:manage',
  'account:create_production',
  'audit:view',
  'error_logs:view',
  'payments:create',
  'payments:view',
  'technical:view',
  'technical:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERYONE: readonly Permission[] = ['home:view', 'support:view', 'password:change', 'otp:manage'];
/**
 * Operations > View transactions and an order's detail (N1, N2): every profile (§7: the Encoder
 * sees the transactions in its scope, "scope limited to user" narrowing them to its own; the
 * Viewer is the accountant's "view and download" profile).
 */
const VIEW_PAYMENTS: Permission = 'payments:view';
/** "Encoder: create new payments (New transaction / e-Terminal)", the minimum profile for e-Terminal (§7, §10). */
const ENCODER: readonly Permission[] = [...EVERYONE, 'payments:create', VIEW_PAYMENTS];
/** "Admin: full rights. The only profile that can change account configuration." */
const ADMIN_WITHOUT_USER_MANAGER: readonly Permission[] = [
  ...ENCODER,
  'api_users:set_password',
  'account:security',
  'account:view',
  'account:manage',
  'account:create_production',
  'audit:view',
  'error_logs:view',
  'technical:view',
  'technical:manage',
];

const MATRIX: Record<Profile, readonly Permission[]> = {
  admin: [...ADMIN_WITHOUT_USER_MANAGER, 'users:view', 'users:manage'],
  admin_no_user_manager: ADMIN_WITHOUT_USER_MANAGER,
  super_encoder: ENCODER,
  encoder: ENCODER,
  // The accountant's profile: the account's configuration (technical information too) and its error log, read-only (C1–C6, F1, J1).
  viewer: [...EVERYONE, VIEW_PAYMENTS, 'account:view', 'error_logs:view', 'technical:view'],
};

/** True when the profile holds the permission (MATRIX, from the guide's profile descriptions). */
export function can(profile: Profile, permission: Permission): boolean {
  return MATRIX[profile].includes(permission);
}

/** Every permission a profile holds, in the matrix's order (the "Profiles and rights" page). */
export function permissionsOf(profile: Profile): readonly Permission[] {
  return MATRIX[profile];
}

/** Nobody hands out rights they do not hold: a profile may be granted only if all its rights are the granter's. */
export function canGrant(granter: Profile, profile: Profile): boolean {
  return MATRIX[profile].every((permission) => MATRIX[granter].includes(permission));
}

/** The profiles a granter may give, in the order of the guide. */
export function grantableProfiles(granter: Profile): Profile[] {
  return PROFILES.filter((profile) => canGrant(granter, profile));
}

import type { Profile } from '../db/schema/users.ts';

/**
 * Every permission, as `resource:action`. This module is the one place that says which
 * profile may do what; routes and services ask `can()`, menus only mirror it.
 */
export const PERMISSIONS = [
  'home:view',
  'support:view',
  'password:change',
  'otp:manage',
  'api_users:set_password',
  'users:manage',
  'account:security',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERYONE: readonly Permission[] = ['home:view', 'support:view', 'password:change', 'otp:manage'];

const MATRIX: Record<Profile, readonly Permission[]> = {
  admin: [...EVERYONE, 'api_users:set_password', 'users:manage', 'account:security'],
  admin_no_user_manager: [...EVERYONE, 'api_users:set_password', 'account:security'],
  super_encoder: [...EVERYONE],
  encoder: [...EVERYONE],
  viewer: [...EVERYONE],
};

export function can(profile: Profile, permission: Permission): boolean {
  return MATRIX[profile].includes(permission);
}

import type { Profile } from '../db/schema/users.ts';

/**
 * Every permission, as `resource:action`. This module is the one place that says which
 * profile may do what; routes and services ask `can()`, menus only mirror it.
 */
export const PERMISSIONS = ['home:view', 'support:view'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERYONE: readonly Permission[] = ['home:view', 'support:view'];

const MATRIX: Record<Profile, readonly Permission[]> = {
  admin: [...EVERYONE],
  admin_no_user_manager: [...EVERYONE],
  super_encoder: [...EVERYONE],
  encoder: [...EVERYONE],
  viewer: [...EVERYONE],
};

export function can(profile: Profile, permission: Permission): boolean {
  return MATRIX[profile].includes(permission);
}

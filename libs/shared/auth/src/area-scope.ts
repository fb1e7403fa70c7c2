import { ForbiddenError } from '@sangathan/kernel';
import { permissionsOf, type Permission } from './roles';
import type { Principal } from './principal';

/** An area as scope checks see it: its id and its ancestors (root first). */
export type ScopedArea = { areaId: string; ancestors: readonly string[] };

/** True if `area` is the caller's own area or lies under it. */
export function isWithinScope(principal: Principal, area: ScopedArea): boolean {
  return area.areaId === principal.areaId || area.ancestors.includes(principal.areaId);
}

export function hasPermission(principal: Principal, permission: Permission): boolean {
  return permissionsOf(principal.roles).has(permission);
}

/** Throws 403 unless the caller has `permission` and `area` is inside their subtree. */
export function assertCan(principal: Principal, permission: Permission, area?: ScopedArea): void {
  if (!hasPermission(principal, permission)) {
    throw new ForbiddenError(
      'PERMISSION_DENIED',
      `role ${principal.roles.join(', ')} may not ${permission}`,
      [{ message: `requires ${permission}` }],
    );
  }
  if (area && !isWithinScope(principal, area)) {
    throw new ForbiddenError('OUT_OF_SCOPE', `area ${area.areaId} is outside your area ${principal.areaId}`, [
      { field: 'areaId', message: 'outside the caller’s subtree' },
    ]);
  }
}

/** Mongo filter fragment limiting a query to the caller's subtree, for documents with `areaId` + `ancestors`. */
export function scopeFilter(principal: Principal, field = 'ancestors'): Record<string, unknown> {
  return { $or: [{ areaId: principal.areaId }, { [field]: principal.areaId }] };
}

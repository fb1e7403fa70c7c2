import { signToken, type Principal } from '@sangathan/auth';

/** `Authorization` header value for a test principal. */
export function bearer(principal: Principal): string {
  return `Bearer ${signToken(principal)}`;
}

export const NATIONAL_ADMIN: Principal = {
  sub: 'test-admin',
  roles: ['national-admin'],
  areaId: 'IN',
  areaPath: [],
};

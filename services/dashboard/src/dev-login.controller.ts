import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ROLES, signToken } from '@sangathan/auth';
import { NotFoundError, UnavailableError, ValidationError } from '@sangathan/kernel';
import { z } from 'zod';
import { DASHBOARD_OPTIONS } from './dashboard.tokens';
import type { DashboardOptions } from './dashboard-options';

const devLoginSchema = z.object({
  role: z.enum(ROLES),
  areaId: z.string().trim().toUpperCase().min(1).max(64),
  name: z.string().trim().min(1).max(100).optional(),
});

/**
 * Local sign-in while the project has no identity provider: mints a token for a role and area, the way
 * `npm run token` does. Off (404) unless AUTH_DEV_LOGIN=1, which `npm start` sets and production refuses.
 */
@Controller('auth')
export class DevLoginController {
  constructor(@Inject(DASHBOARD_OPTIONS) private readonly options: DashboardOptions) {}

  @Get('config')
  config() {
    return { devLogin: this.options.devLogin, roles: this.options.devLogin ? ROLES : [] };
  }

  @Post('dev-login')
  @HttpCode(200)
  async devLogin(@Body() body: unknown) {
    if (!this.options.devLogin) throw new NotFoundError('route', 'POST /auth/dev-login');
    const parsed = devLoginSchema.safeParse(body);
    if (!parsed.success) {
      throw new ValidationError(
        'INVALID_LOGIN',
        'role (one of the roles) and areaId are required',
        parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
      );
    }
    const { role, areaId, name } = parsed.data;
    const areaPath = areaId === 'IN' ? [] : await this.pathOf(areaId);
    const token = signToken(
      { sub: `dev-${role}-${areaId}`, name, roles: [role], areaId, areaPath },
      undefined,
      '12h',
    );
    return { token };
  }

  /** The area's ancestors as org knows them, asked with a one-minute national token. */
  private async pathOf(areaId: string): Promise<string[]> {
    const admin = signToken(
      { sub: 'dashboard-dev-login', roles: ['national-admin'], areaId: 'IN', areaPath: [] },
      undefined,
      '1m',
    );
    const response = await fetch(`${this.options.upstreams.org}/areas/${encodeURIComponent(areaId)}`, {
      headers: { authorization: `Bearer ${admin}` },
    }).catch((error: Error) => {
      throw new UnavailableError('ORG_UNAVAILABLE', `org is not reachable: ${error.message}`, []);
    });
    if (response.status === 404) {
      throw new ValidationError('UNKNOWN_AREA', `org has no area ${areaId}`, [
        { field: 'areaId', message: 'unknown area' },
      ]);
    }
    if (!response.ok)
      throw new UnavailableError('ORG_UNAVAILABLE', `org answered ${response.status} for area ${areaId}`, []);
    return ((await response.json()) as { ancestors: string[] }).ancestors;
  }
}

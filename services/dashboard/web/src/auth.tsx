import { ROLE_PERMISSIONS, type Permission, type Role } from '@sangathan/roles';
import { jwtDecode } from 'jwt-decode';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { currentToken, setToken, whenUnauthorised } from './api';

export type Principal = {
  sub: string;
  name?: string;
  roles: Role[];
  areaId: string;
  areaPath: string[];
  exp?: number;
};

type Session = {
  principal: Principal | null;
  signIn: (token: string) => void;
  signOut: () => void;
  can: (permission: Permission) => boolean;
  /** True when the area (with its ancestors) lies inside the caller's subtree: the services refuse the rest. */
  inScope: (areaId: string, ancestors: readonly string[]) => boolean;
};

const SessionContext = createContext<Session | null>(null);

function decode(token: string | null): Principal | null {
  if (!token) return null;
  try {
    const principal = jwtDecode<Principal>(token);
    return principal.exp && principal.exp * 1000 < Date.now() ? null : principal;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [principal, setPrincipal] = useState<Principal | null>(() => decode(currentToken()));
  useEffect(() => whenUnauthorised(() => (setToken(null), setPrincipal(null))), []);
  const session = useMemo<Session>(
    () => ({
      principal,
      signIn: (token) => {
        const decoded = decode(token);
        if (!decoded) throw new Error('not a valid, unexpired token');
        setToken(token);
        setPrincipal(decoded);
      },
      signOut: () => {
        setToken(null);
        setPrincipal(null);
      },
      can: (permission) => !!principal?.roles.some((role) => ROLE_PERMISSIONS[role]?.includes(permission)),
      inScope: (areaId, ancestors) =>
        !!principal && (areaId === principal.areaId || ancestors.includes(principal.areaId)),
    }),
    [principal],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

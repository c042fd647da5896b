import { useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-context';
import type { Session } from '../../../lib/session';
import { authKeys, canEditUnits, fetchMe } from '../api/auth.api';

/** The signed-in session (null when signed out), kept in step with localStorage and other tabs. */
export function useSession(): Session | null {
  const client = useApiClient();
  return useSyncExternalStore(client.sessions.subscribe, client.sessions.get, client.sessions.get);
}

/** The user, their tenant (with its configured levels) and their root units. */
export function useMe() {
  const client = useApiClient();
  const session = useSession();
  return useQuery({
    queryKey: [...authKeys.me, session?.user.id ?? null],
    queryFn: ({ signal }) => fetchMe(client, signal),
    enabled: !!session,
    staleTime: 5 * 60_000,
  });
}

export function useCanEditUnits(): boolean {
  const session = useSession();
  return canEditUnits(session?.user.roles);
}

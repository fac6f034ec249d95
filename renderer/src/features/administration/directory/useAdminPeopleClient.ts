// The administration client of the signed-in profile's server, made once per profile client.
import { useMemo } from 'react';
import { useProfile } from '../../../session/session-context';
import { createAdminPeopleClient } from '../../../sync/admin-people-client';
import type { AdminPeopleClient } from '../../../sync/admin-people-client';

export function useAdminPeopleClient(): AdminPeopleClient {
  const { client } = useProfile();
  return useMemo(() => createAdminPeopleClient(client.http), [client]);
}

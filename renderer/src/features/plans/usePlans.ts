// The plans client of the signed-in profile's server, and what the plans screens read from it
// (online only: the screens say so when the server cannot be reached).
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import type { DrawRecord } from '../../../../domain/schemas/draw';
import type { Plan } from '../../../../domain/schemas/plan';
import type { TargetEntry } from '../../../../domain/schemas/risk';
import { listAllAgencies } from '../../db/repositories/agencies';
import { localTargets } from '../../db/repositories/plan-targets';
import { useProfile } from '../../session/session-context';
import { useServerLoad } from '../common/useServerLoad';
import type { PlansClient } from './plans-client';
import { createPlansClient } from './plans-client';

export function usePlansClient(): PlansClient {
  const { client } = useProfile();
  return useMemo(() => createPlansClient(client.http), [client]);
}

export function usePlans() {
  const plans = usePlansClient();
  return useServerLoad<Plan[]>(() => plans.list(), 'plans');
}

export function usePlanDraws(planId: string) {
  const plans = usePlansClient();
  return useServerLoad<DrawRecord[]>(() => plans.draws(planId), `draws:${planId}`);
}

/** The agency's target list as this device can make it, for the monthly preview. */
export function useLocalTargets(agencyId: string): TargetEntry[] | undefined {
  const { db } = useProfile();
  return useLiveQuery(() => localTargets(db, agencyId, todayInChina(new Date())), [db, agencyId]);
}

/** Agency names by id, and the agencies other than `own` (partners of a joint draw). */
export function useAgencies(own: string) {
  const { db } = useProfile();
  const agencies = useLiveQuery(() => listAllAgencies(db), [db]);
  return useMemo(
    () => ({
      name: (id: string) => agencies?.find((a) => a.id === id)?.name ?? id,
      partners: (agencies ?? []).filter((a) => a.id !== own && a.deletedAt === null),
    }),
    [agencies, own],
  );
}

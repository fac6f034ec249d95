// The enterprise administration screen's data and actions: every enterprise on the device (an
// administrator pulls the whole registry), closed ones included, and the administrator's edits,
// each sent to the server; the enterprise it answers with is kept on the device at once.
import { useLiveQuery } from 'dexie-react-hooks';
import type {
  Closure,
  Enterprise,
  EnterpriseInput,
} from '../../../../../domain/schemas/enterprise';
import { keepAnsweredEnterprise, listEnterprises } from '../../../db/repositories/enterprises';
import { useProfile } from '../../../session/session-context';
import { useAdminContent } from '../templates/useAdminContent';

export interface EnterpriseAdmin {
  /** undefined while the device's database is read. */
  enterprises: Enterprise[] | undefined;
  create: (input: EnterpriseInput) => Promise<Enterprise>;
  update: (e: Enterprise, input: EnterpriseInput) => Promise<Enterprise>;
  close: (e: Enterprise, closure: Closure) => Promise<Enterprise>;
  reopen: (e: Enterprise) => Promise<Enterprise>;
}

export function useEnterpriseAdmin(): EnterpriseAdmin {
  const { db } = useProfile();
  const admin = useAdminContent();
  const enterprises = useLiveQuery(() => listEnterprises(db), [db]);
  const kept = async (answer: Promise<Enterprise>) => {
    const enterprise = await answer;
    await keepAnsweredEnterprise(db, enterprise);
    return enterprise;
  };
  return {
    enterprises,
    create: (input) => kept(admin.createEnterprise(input)),
    update: (e, input) => kept(admin.updateEnterprise(e.id, e.version, input)),
    close: (e, closure) => kept(admin.closeEnterprise(e.id, e.version, closure)),
    reopen: (e) => kept(admin.reopenEnterprise(e.id, e.version)),
  };
}

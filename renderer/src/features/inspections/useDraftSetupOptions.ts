import { useLiveQuery } from 'dexie-react-hooks';
import { lineageOf } from '../../../../domain/rules/template-versions';
import type { ChecklistTemplate } from '../../../../domain/schemas/template';
import type { User } from '../../../../domain/schemas/user';
import { useProfile } from '../../session/session-context';
import { listTemplates } from '../../db/repositories/templates';
import { listCertifiedInspectors, listUserDirectory } from '../../db/repositories/users';

export interface DraftSetupOptions {
  /** The draft's own templates (in the versions it uses), then the others a new one may use. */
  templates: ChecklistTemplate[];
  /** Certified inspectors who may be named co-inspectors. */
  inspectors: User[];
  /** Every user of the directory, for the names of officers already named. */
  directory: User[];
}

/** What a draft's lead chooses from when changing its setup; undefined while loading. */
export function useDraftSetupOptions(
  current: readonly ChecklistTemplate[],
): DraftSetupOptions | undefined {
  const { db } = useProfile();
  return useLiveQuery(async () => {
    const [inUse, inspectors, directory] = await Promise.all([
      listTemplates(db),
      listCertifiedInspectors(db),
      listUserDirectory(db),
    ]);
    // A checklist the draft already uses is offered in the version it began with.
    const lineages = new Set(current.map(lineageOf));
    const others = inUse.filter((t) => !lineages.has(lineageOf(t)));
    return { templates: [...current, ...others], inspectors, directory };
  }, [db, current.map((t) => `${t.id}@${t.version}`).join(',')]);
}

// Requests for more time (延期整改) on this device: recording the enterprise's request, and a
// supervisor's decision on it. Every write goes with its outbox row through writeLocal, and each
// function checks everything before it writes anything, so a refused input leaves no trace. The
// server stamps when each was recorded; the device's own time stands until the next pull.
import { v7 as uuidv7 } from 'uuid';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import {
  decideExtension,
  extensionDeciderProblem,
  requestExtension,
} from '../../../../domain/rules/extension';
import type {
  ExtensionDecisionInput,
  ExtensionRequestInput,
} from '../../../../domain/rules/extension';
import type { Finding } from '../../../../domain/schemas/finding';
import type { FieldInspectorDb } from '../database';
import { queueTables, writeLocal } from '../outbox/queue';
import { RectificationAccessError, liveFinding } from './rectification';
import type { Recorder } from './rectification';
import { systemClock } from '../../shared/clock';
import type { Clock } from '../../shared/clock';

export { ExtensionError } from '../../../../domain/rules/extension';

const actorOf = (user: Recorder, at: Date) => ({
  userId: user.id,
  at: at.toISOString(),
  today: todayInChina(at),
});

/**
 * Records the enterprise's request for a later deadline; whoever may record a report of
 * rectification of the hazard may record it.
 */
export async function recordExtensionRequest(
  db: FieldInspectorDb,
  findingId: string,
  input: ExtensionRequestInput,
  user: Recorder,
  now: Clock = systemClock,
): Promise<Finding> {
  return db.transaction('rw', [db.findings, db.enterprises, ...queueTables(db)], async () => {
    const finding = await liveFinding(db, findingId, user);
    const next = requestExtension(finding, input, actorOf(user, now()), uuidv7());
    await writeLocal(db, 'finding', next, now);
    return next;
  });
}

/**
 * Records a supervisor's decision on the hazard's waiting request: granted (the deadline moves to
 * the date granted) or refused. Only a supervisor of an agency of the hazard's inspection who did
 * not take part in it decides.
 */
export async function decideExtensionRequest(
  db: FieldInspectorDb,
  findingId: string,
  input: ExtensionDecisionInput,
  user: Recorder,
  now: Clock = systemClock,
): Promise<Finding> {
  return db.transaction(
    'rw',
    [db.findings, db.enterprises, db.inspections, ...queueTables(db)],
    async () => {
      const finding = await liveFinding(db, findingId, user);
      const found = await db.inspections.get(finding.inspectionId);
      if (!found) throw new RectificationAccessError('inspectionMissing');
      const decider = extensionDeciderProblem(user, found);
      if (decider) throw new RectificationAccessError(decider);
      const next = decideExtension(finding, input, actorOf(user, now()));
      await writeLocal(db, 'finding', next, now);
      return next;
    },
  );
}

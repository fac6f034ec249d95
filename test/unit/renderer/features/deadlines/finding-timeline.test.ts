import { describe, expect, it } from 'vitest';
import { decideExtension, requestExtension } from '../../../../../domain/rules/extension';
import { recordReinspection, reportRectification } from '../../../../../domain/rules/rectification';
import {
  findingTimeline,
  peopleInHistory,
} from '../../../../../renderer/src/features/deadlines/finding-timeline';
import { makeFinding, newId } from '../../../../support/record-fixtures';

const clerk = newId();
const boss = newId();
const officer = newId();
const on = (userId: string, at: string, today: string) => ({ userId, at, today });

describe('findingTimeline', () => {
  it('shows requests for more time and their decisions among the other steps, in order', () => {
    const found = makeFinding({ deadline: '2026-12-10' });
    const asked = requestExtension(
      found,
      { requestedOn: '2026-11-28', reason: '设备到货延迟', requestedDeadline: '2027-01-15' },
      on(clerk, '2026-11-29T02:00:00.000Z', '2026-11-29'),
      newId(),
    );
    const granted = decideExtension(
      asked,
      {
        extensionId: asked.extensions?.[0]?.id ?? '',
        result: 'granted',
        newDeadline: '2027-01-10',
        comment: '同意',
      },
      on(boss, '2026-11-30T02:00:00.000Z', '2026-11-30'),
    );
    const reported = reportRectification(
      granted,
      { reportedOn: '2026-12-20', note: '' },
      on(clerk, '2026-12-21T02:00:00.000Z', '2026-12-21'),
    );
    const failed = recordReinspection(
      reported,
      { result: 'failed', photos: [], note: '', newDeadline: '2027-02-01' },
      on(officer, '2026-12-22T02:00:00.000Z', '2026-12-22'),
      { id: newId(), leadInspectorId: officer, coInspectorIds: [] },
    );
    const asked2 = requestExtension(
      failed,
      { requestedOn: '2026-12-23', reason: '再次申请', requestedDeadline: '2027-03-01' },
      on(clerk, '2026-12-23T02:00:00.000Z', '2026-12-23'),
      newId(),
    );
    const refused = decideExtension(
      asked2,
      {
        extensionId: asked2.extensions?.[1]?.id ?? '',
        result: 'refused',
        newDeadline: null,
        comment: '理由不充分',
      },
      on(boss, '2026-12-24T02:00:00.000Z', '2026-12-24'),
    );
    expect(findingTimeline(refused, '2026-11-20T09:00:00.000+08:00')).toEqual([
      { kind: 'found', date: '2026-11-20', deadline: '2026-12-10' },
      {
        kind: 'extensionRequested',
        date: '2026-11-29',
        by: clerk,
        requestedOn: '2026-11-28',
        deadline: '2027-01-15',
        reason: '设备到货延迟',
      },
      {
        kind: 'extensionGranted',
        date: '2026-11-30',
        by: boss,
        deadline: '2027-01-10',
        comment: '同意',
      },
      { kind: 'reported', date: '2026-12-21', reportedOn: '2026-12-20', by: clerk },
      { kind: 'failed', date: '2026-12-22', by: officer, deadline: '2027-02-01' },
      {
        kind: 'extensionRequested',
        date: '2026-12-23',
        by: clerk,
        requestedOn: '2026-12-23',
        deadline: '2027-03-01',
        reason: '再次申请',
      },
      { kind: 'extensionRefused', date: '2026-12-24', by: boss, comment: '理由不充分' },
    ]);
    expect(peopleInHistory(refused).sort()).toEqual([clerk, boss, officer].sort());
  });
});

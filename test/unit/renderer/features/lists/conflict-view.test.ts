import { describe, expect, it } from 'vitest';
import type { ConflictDeclaration } from '../../../../../domain/schemas/officer';
import { splitConflicts } from '../../../../../renderer/src/features/lists/conflict-view';

describe('conflict declarations as the screen shows them', () => {
  const declaration = (id: string, declaredAt: string, deletedAt: string | null) =>
    ({ id, declaredAt, deletedAt }) as ConflictDeclaration;

  it('splits those in force (newest first) from those withdrawn (latest withdrawn first)', () => {
    const { inForce, withdrawn } = splitConflicts([
      declaration('a', '2026-11-01T00:00:00.000Z', null),
      declaration('b', '2026-11-02T00:00:00.000Z', null),
      declaration('c', '2026-10-01T00:00:00.000Z', '2026-11-05T00:00:00.000Z'),
      declaration('d', '2026-10-02T00:00:00.000Z', '2026-11-04T00:00:00.000Z'),
    ]);
    expect(inForce.map((d) => d.id)).toEqual(['b', 'a']);
    expect(withdrawn.map((d) => d.id)).toEqual(['c', 'd']);
  });
});

import { describe, expect, it } from 'vitest';
import { sectionsFor } from '../../../../renderer/src/app/routes';

describe('the administration sections of the menu', () => {
  it('are an administrator’s only, under /admin', () => {
    const paths = (role: Parameters<typeof sectionsFor>[0]) => sectionsFor(role).map((s) => s.path);
    expect(paths('admin')).toEqual(
      expect.arrayContaining(['/admin/templates', '/admin/enterprises']),
    );
    for (const role of ['inspector', 'supervisor'] as const) {
      expect(paths(role).filter((p) => p.startsWith('/admin'))).toEqual([]);
    }
  });
});

describe('the plans section of the menu', () => {
  it('is shown to supervisors, who write plans, and to administrators, who may read them', () => {
    const has = (role: Parameters<typeof sectionsFor>[0]) =>
      sectionsFor(role).some((s) => s.path === '/plans');
    expect([has('supervisor'), has('admin'), has('inspector')]).toEqual([true, true, false]);
  });
});

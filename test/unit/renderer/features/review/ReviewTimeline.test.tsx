import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewTimeline } from '../../../../../renderer/src/features/review/ReviewTimeline';
import { createI18n } from '../../../../../renderer/src/i18n/i18n';
import type { UiLanguage } from '../../../../../renderer/src/i18n/resolve-language';
import { makeInspection, makeUser, newId } from '../../../../support/record-fixtures';

afterEach(cleanup);

const lead = makeUser({ displayName: 'Li Ming' });
const inspection = makeInspection({
  leadInspectorId: lead.id,
  finishedAt: '2026-11-20T11:00:00.000+08:00',
  amendments: [
    {
      at: '2026-11-21T10:00:00.000+08:00',
      by: lead.id,
      reason: 'Graded wrongly on site',
      findingId: newId(),
      findingTitle: 'Gas alarm missing',
      changes: [
        { field: 'grade', before: 'general', after: 'major' },
        { field: 'description', before: '', after: 'Store 2' },
      ],
    },
    {
      at: '2026-11-21T11:00:00.000+08:00',
      by: lead.id,
      reason: 'Missed on site',
      findingId: newId(),
      findingTitle: 'Blocked exit',
      findingAdded: true,
      changes: [{ field: 'title', before: null, after: 'Blocked exit' }],
    },
  ],
});

const show = (language: UiLanguage) =>
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <ReviewTimeline inspection={inspection} users={new Map([[lead.id, lead]])} />
    </I18nextProvider>,
  );

describe('ReviewTimeline', { timeout: 30_000 }, () => {
  it('shows which hazard an amendment changed, before and after', () => {
    show('en');
    expect(screen.getByText('Amended by Li Ming: Graded wrongly on site')).toBeTruthy();
    expect(screen.getByText('Hazard “Gas alarm missing” corrected')).toBeTruthy();
    expect(screen.getByText('Grade: General → Major')).toBeTruthy();
    expect(screen.getByText('Description: (empty) → Store 2')).toBeTruthy();
    expect(screen.getByText('Hazard “Blocked exit” added')).toBeTruthy();
  });

  it('says it in Chinese too', () => {
    show('zh-CN');
    expect(screen.getByText('更正隐患“Gas alarm missing”')).toBeTruthy();
    expect(screen.getByText(/^隐患等级：一般隐患 → 重大隐患$/)).toBeTruthy();
  });
});

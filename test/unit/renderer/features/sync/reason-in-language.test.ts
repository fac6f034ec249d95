import { describe, expect, it } from 'vitest';
import { reasonInLanguage } from '../../../../../renderer/src/features/sync/reason-in-language';
import { createI18n } from '../../../../../renderer/src/i18n/i18n';

const row = (code: string, params?: Record<string, string>) => ({
  reason: 'the server’s own English',
  refusal: { code, ...(params ? { params } : {}) },
});

describe('reasonInLanguage', () => {
  it('names the entity and the fields of a refusal in Chinese', () => {
    const zh = createI18n('zh-CN');
    expect(reasonInLanguage(zh, row('outsideJurisdiction', { entity: 'finding' }))).toBe(
      '该隐患所属企业不在您的辖区内',
    );
    expect(
      reasonInLanguage(zh, row('supervisorReviewOnly', { fields: 'deadline, responsiblePerson' })),
    ).toBe('科室负责人只能修改检查的审核结果，不能修改：整改期限、整改责任人');
  });

  it('keeps a field the app has no label for as the server named it', () => {
    const zh = createI18n('zh-CN');
    expect(
      reasonInLanguage(zh, row('supervisorReviewOnly', { fields: 'title, somethingNew' })),
    ).toBe('科室负责人只能修改检查的审核结果，不能修改：名称、somethingNew');
  });

  it('says the fields by their English labels in English', () => {
    const en = createI18n('en');
    expect(reasonInLanguage(en, row('supervisorReviewOnly', { fields: 'deadline, title' }))).toBe(
      'a supervisor may change only the review of an inspection, not Deadline, Title',
    );
  });

  it('says a rectification refusal in Chinese, with the state it names', () => {
    const zh = createI18n('zh-CN');
    expect(
      reasonInLanguage(zh, row('rectificationUnexplained', { fields: 'status, extensions' })),
    ).toBe('隐患的状态、延期申请必须与新追加的整改记录相符');
    expect(reasonInLanguage(zh, row('newDeadlineNotAfterToday', { today: '2026-11-29' }))).toBe(
      '新的整改期限必须晚于今天（2026-11-29）',
    );
  });

  it('falls back to the server’s sentence for a code it does not know, or none', () => {
    const zh = createI18n('zh-CN');
    expect(reasonInLanguage(zh, row('somethingNew'))).toBe('the server’s own English');
    expect(reasonInLanguage(zh, { reason: 'plain' })).toBe('plain');
  });
});

import { describe, expect, it } from 'vitest';
import { reasonInLanguage } from '../../../../../renderer/src/features/sync/reason-in-language';
import { createI18n } from '../../../../../renderer/src/i18n/i18n';
import { encodeIssues } from '../../../../../domain/sync/refusal-issues';

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

  it('says the validation details of an invalid record in Chinese, field by field', () => {
    const zh = createI18n('zh-CN');
    const refused = row('invalid', {
      entity: 'finding',
      issues:
        'data.description contains a character that cannot be stored; data.deadline must be a date, YYYY-MM-DD',
      issueList: encodeIssues([
        { path: 'description', key: 'text.unstorable' },
        { path: 'deadline', key: 'date.invalid' },
        { path: 'photos.2.caption', key: 'tooBig', detail: '200' },
        { path: 'grade', key: 'oneOf', detail: 'general, major' },
        { path: 'colour', key: 'unknownField' },
      ]),
    });
    const text = reasonInLanguage(zh, refused);
    expect(text).toBe(
      '隐患记录无效：描述：含有无法保存的字符（空字符或残缺的表情符号），请删除；' +
        '整改期限：日期格式不正确，应为 YYYY-MM-DD；caption：不能超过 200；' +
        '等级：应为以下之一：general, major；colour：不是可接受的字段',
    );
    expect(text).not.toMatch(/must|contains|data\./);
  });

  it('keeps the server’s details when the refusal carries no list the app can read', () => {
    const zh = createI18n('zh-CN');
    expect(
      reasonInLanguage(
        zh,
        row('invalidMerged', {
          entity: 'finding',
          issues: 'data.title is required',
          issueList: '{not json',
        }),
      ),
    ).toBe('与服务器上的版本合并后，隐患记录无效：data.title is required');
  });
});

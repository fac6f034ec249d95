// Text and times the database cannot hold are refused by the schemas, in every string field of
// every record and request, naming the field.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { agencySchema } from '../../../../domain/schemas/agency';
import {
  dateSchema,
  isStorableText,
  storableTextOf,
  textSchema,
  timestampSchema,
} from '../../../../domain/schemas/common';
import { entitySchemas } from '../../../../domain/schemas/entities';
import type { EntityName } from '../../../../domain/schemas/entities';
import { templateSchema } from '../../../../domain/schemas/template';
import { passwordSchema } from '../../../../domain/schemas/user';
import { loginRequestSchema, pullQuerySchema } from '../../../../domain/sync/protocol';
import {
  ruleEnterprise,
  ruleFinding,
  ruleInspection,
  ruleUser,
  sha,
  uid,
} from '../rules/fixture-records';
import { unitsFromChemicals } from '../../../../domain/rules/enterprise-units';

const UNSTORABLE = ['a\u0000b', 'half \ud83d', '\udc00 half', '\udc00\ud800'];

describe('isStorableText', () => {
  it('accepts any text with whole characters, emoji and control characters but NUL included', () => {
    for (const text of [
      '',
      'plain',
      '储罐区',
      '🧯👩‍🚒',
      '\u202eRTL\u200b',
      'tab\tline\n',
      '\u0001',
    ]) {
      expect(isStorableText(text), JSON.stringify(text)).toBe(true);
    }
  });

  it.each(UNSTORABLE)('refuses %j', (text) => {
    expect(isStorableText(text)).toBe(false);
    expect(textSchema().safeParse(text).error?.issues[0]?.message).toBe('text.unstorable');
  });

  it('replaces what cannot be stored, and keeps whole pairs', () => {
    expect(storableTextOf('a\u0000b \ud83d 🧯 \udc00')).toBe('a\uFFFDb \uFFFD 🧯 \uFFFD');
    expect(storableTextOf('储罐 🧯')).toBe('储罐 🧯');
  });
});

describe('times the database can hold', () => {
  it.each(['2026-11-29T08:00:00.000+08:00', '2026-11-29T00:00:00Z', '0001-01-01T00:00:00+14:00'])(
    'accepts %s',
    (time) => expect(timestampSchema.safeParse(time).success).toBe(true),
  );
  it.each(['0000-01-01T00:00:00Z', '2026-11-29T08:00:00+16:00', '2026-11-29T08:00:00-23:59'])(
    'refuses %s',
    (time) =>
      expect(timestampSchema.safeParse(time).error?.issues[0]?.message).toBe('timestamp.invalid'),
  );
  it('refuses the date 0000-01-01 and accepts 0001-01-01', () => {
    expect(dateSchema.safeParse('0000-01-01').success).toBe(false);
    expect(dateSchema.safeParse('0001-01-01').success).toBe(true);
  });
});

type Path = (string | number)[];

/** Every string inside `value`, by path. */
function stringPaths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value === 'string') return [prefix];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    stringPaths(child, [...prefix, Array.isArray(value) ? Number(key) : key]),
  );
}

function withValueAt(record: unknown, path: Path, text: string): unknown {
  const copy = structuredClone(record) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = text;
  return copy;
}

/** One valid record of each entity, every optional text field filled. */
const samples: [EntityName, Record<string, unknown>][] = [
  ['agency', agencySchema.parse({ ...ruleUser(1), name: '应急管理局', kind: 'safety' })],
  ['user', ruleUser(2)],
  [
    'enterprise',
    ruleEnterprise(3, {
      contacts: [{ name: '王建国', title: '安全负责人', phone: '0575-8212345' }],
      units: unitsFromChemicals([{ name: '液氨', cas: '7664-41-7', maxQuantityT: 20 }]),
      trackMilestones: [{ title: '完成搬迁', due: '2027-06-30', doneAt: null }],
    }),
  ],
  [
    'template',
    templateSchema.parse({
      ...ruleUser(4),
      agencyKind: 'safety',
      title: '安全检查表',
      sections: [{ title: '储存', items: [{ id: 'st-1', text: '分区储存', legalBasis: '条例' }] }],
    }),
  ],
  [
    'inspection',
    ruleInspection({
      itemResults: [{ itemId: 'st-1', result: 'fail', note: '混存' }],
      signatures: [
        {
          role: 'lead',
          userId: uid(1),
          name: '李明',
          image: { sha256: sha(1), mime: 'image/png', size: 10 },
          signedAt: '2026-03-02T11:00:00.000+08:00',
        },
      ],
      refusedToSign: { reason: '负责人不在' },
      review: { status: 'returned', comment: '补充照片', reviewerId: uid(5), reviewedAt: null },
      amendments: [
        {
          at: '2026-03-03T09:00:00.000+08:00',
          by: uid(1),
          reason: '更正',
          findingId: uid(10),
          findingTitle: '隐患',
          changes: [{ field: 'title', before: '旧', after: '新' }],
        },
      ],
    }),
  ],
  [
    'finding',
    ruleFinding(10, {
      itemId: 'st-1',
      description: '甲类仓库',
      verification: {
        inspectionId: uid(101),
        verifiedBy: uid(1),
        verifiedAt: '2026-03-18T09:00:00.000+08:00',
        result: 'failed',
        photos: [],
        note: '未整改',
      },
      rectification: {
        reportedOn: '2026-03-15',
        note: '已整改',
        recordedBy: uid(1),
        recordedAt: '2026-03-15T09:00:00.000+08:00',
      },
    }),
  ],
];

describe.each(samples)('every string of a %s', (entity, record) => {
  const schema = entitySchemas[entity] as z.ZodType;
  const paths = stringPaths(record);

  it('is a valid sample to start from', () => {
    expect(schema.safeParse(record).success).toBe(true);
    expect(paths.length).toBeGreaterThan(3);
  });

  it.each(UNSTORABLE)('refuses %j in each one, naming that field', (text) => {
    for (const path of paths) {
      const issues = schema.safeParse(withValueAt(record, path, text)).error?.issues ?? [];
      expect(
        issues.map((i) => i.path.join('.')),
        `${entity}.${path.join('.')}`,
      ).toContain(path.join('.'));
    }
  });

  it('accepts odd but storable text in its free-text fields', () => {
    // Those a schema takes as free text (a sentence with a space): a whole emoji, right-to-left
    // and zero-width marks.
    const free = paths.filter(
      (path) => schema.safeParse(withValueAt(record, path, `检查 ${String(path.at(-1))}`)).success,
    );
    expect(free.length).toBeGreaterThan(0);
    for (const path of free) {
      const odd = withValueAt(record, path, `x🧯\u202e\u200b${String(path.at(-1))}`);
      expect(schema.safeParse(odd).success, `${entity}.${path.join('.')}`).toBe(true);
    }
  });
});

describe('requests', () => {
  const login = { username: 'inspector.li', password: 'demo12345', deviceName: 'tablet' };

  it.each(['deviceName', 'password'] as const)(
    'refuses unstorable text in the sign-in’s %s, naming it',
    (field) => {
      for (const text of UNSTORABLE) {
        const issues = loginRequestSchema.safeParse({ ...login, [field]: text }).error?.issues;
        expect(issues?.map((i) => [i.path.join('.'), i.message])).toContainEqual([
          field,
          'text.unstorable',
        ]);
      }
    },
  );

  it('refuses unstorable text in a password being set and in a pull cursor', () => {
    expect(passwordSchema.safeParse('long enough\u0000').error?.issues[0]?.message).toBe(
      'text.unstorable',
    );
    expect(pullQuerySchema.safeParse({ cursor: 'c\ud800' }).error?.issues[0]?.path).toEqual([
      'cursor',
    ]);
  });
});

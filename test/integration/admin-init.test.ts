import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';
import { seedDistrict } from '../../server/src/seed/seed-demo';
import { buildDemoDistrict } from '../../server/src/seed/demo-district';
import { MAJOR_HAZARD_TEMPLATE_ID } from '../../server/src/statutory/built-in-templates';
import { TEST_NOW, bearer, login } from '../support/demo-app';
import type { TestDatabase } from '../support/test-databases';
import { runAdmin } from '../support/admin-cli';
import { databaseKinds, freshDatabase } from '../support/test-databases';

const run = promisify(execFile);
const tsx = join('node_modules', '.bin', 'tsx');

const setupFile = {
  district: { name: '示例市新河区', code: '330199' },
  towns: [
    { code: '330199001', name: '城关街道', nameEn: 'Chengguan Sub-district', kind: 'subdistrict' },
    { code: '330199101', name: '新河镇', kind: 'town' },
  ],
  agencies: [
    { name: '新河区应急管理局', shortName: '新河应急', kind: 'safety' },
    { name: '新河区生态环境分局', shortName: '新河环境', kind: 'environment' },
  ],
  admin: { username: 'admin.xinhe', displayName: '系统管理员', agency: '新河应急' },
};

const dir = mkdtempSync(join(tmpdir(), 'fi-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const writeSetup = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe.each(databaseKinds)('npm run admin -- init on %s', (kind) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  beforeEach(async () => {
    db = await freshDatabase(kind);
    app = await buildApp({ db, clock: () => TEST_NOW });
  });
  afterEach(async () => {
    await app.close();
    await db.close();
  });

  const admin = (argv: string[], env: NodeJS.ProcessEnv = {}) =>
    runAdmin(db, () => TEST_NOW, argv, env);

  const state = () =>
    db.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM records) AS records,
              (SELECT count(*)::int FROM credentials) AS credentials,
              (SELECT count(*)::int FROM district) AS district,
              (SELECT count(*)::int FROM admin_actions) AS audit,
              (SELECT version FROM sync_state)::int AS version`,
    );

  it('sets up the district from a file and options; the administrator signs in and pulls it', async () => {
    const res = await admin([
      'init',
      '--from',
      writeSetup('ok.json', setupFile),
      '--town',
      '330199400:新河经济开发区:zone:Xinhe Development Zone',
      '--add-agency',
      'zone:新河管委:新河经济开发区管理委员会',
      '--password',
      'first-admin-pw',
    ]);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/Set up 示例市新河区 \(330199\): 3 town\(s\), 3 agencies, 1 built-in/);
    const [district] = await db.query<{ name: string; code: string }>(
      'SELECT name, code FROM district',
    );
    expect(district).toEqual({ name: '示例市新河区', code: '330199' });

    const { token } = await login(app, 'admin.xinhe', 'first-admin-pw');
    const pulled = await app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull',
      headers: bearer(token),
    });
    const changes = pulled.json<{ changes: { entity: string; data: Record<string, unknown> }[] }>()
      .changes;
    const of = (entity: string) => changes.filter((c) => c.entity === entity).map((c) => c.data);
    expect(of('town').map((t) => [t.code, t.kind])).toEqual([
      ['330199001', 'subdistrict'],
      ['330199101', 'town'],
      ['330199400', 'zone'],
    ]);
    expect(of('town')[2]).toMatchObject({
      name: '新河经济开发区',
      nameEn: 'Xinhe Development Zone',
    });
    expect(
      of('agency')
        .map((a) => a.shortName)
        .sort(),
    ).toEqual(['新河应急', '新河环境', '新河管委'].sort());
    const [user] = of('user');
    expect(user).toMatchObject({
      username: 'admin.xinhe',
      role: 'admin',
      jurisdiction: ['330199001', '330199101', '330199400'],
      agencyId: of('agency').find((a) => a.shortName === '新河应急')?.id,
    });
    const [template] = of('template');
    expect(template).toMatchObject({ id: MAJOR_HAZARD_TEMPLATE_ID, builtIn: true });
    const items = (template?.sections as { items: { majorCriterion?: number }[] }[])[0]?.items;
    expect(items?.map((i) => i.majorCriterion)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const [audit] = await db.query<{ action: string; actor_id: string }>(
      'SELECT action, actor_id::text AS actor_id FROM admin_actions',
    );
    expect(audit).toEqual({ action: 'district.init', actor_id: user?.id });
  });

  it('takes everything from options alone, the password from FI_ADMIN_PASSWORD', async () => {
    const res = await admin(
      [
        'init',
        '--district-name',
        '示例市新河区',
        '--district-code',
        '330199',
        '--town',
        '330199001:城关街道:subdistrict',
        '--add-agency',
        'safety:新河应急:新河区应急管理局',
        '--username',
        'root',
        '--display-name',
        '管理员',
      ],
      { FI_ADMIN_PASSWORD: 'from-the-env' },
    );
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    await login(app, 'root', 'from-the-env');
  });

  it('names every problem of bad input and writes nothing', async () => {
    const bad = {
      district: { name: '', code: '330199' },
      towns: [
        { code: '330299001', name: '外区街道', kind: 'subdistrict' },
        { code: '330199101', name: '新河镇', kind: 'village' },
        { code: '330199101', name: '又一个', kind: 'town' },
      ],
      agencies: [
        { name: '新河区应急管理局', shortName: '新河应急', kind: 'safety' },
        { name: '新河区应急管理局', shortName: '', kind: 'police' },
      ],
      admin: { username: 'X', displayName: '管理员', agency: '没有这个局' },
    };
    const before = await state();
    const res = await admin([
      'init',
      '--from',
      writeSetup('bad.json', bad),
      '--password',
      'long-enough',
    ]);
    expect(res.code).toBe(1);
    for (const expected of [
      /district\.name \(--district-name\) is required/,
      /admin\.agency \(--agency\) names none of the agencies given/,
      /town 1 code must begin with the district's division code/,
      /town 2 kind must be one of town, subdistrict, zone/,
      /town 3 code is given twice/,
      /agency 2 name is given to two agencies/,
      /agency 2 shortName is required/,
      /agency 2 kind must be one of/,
      /admin\.username \(--username\) must be 3–32 characters/,
    ]) {
      expect(res.err).toMatch(expected);
    }
    // Once the district code is right, an unknown agency of the administrator is named too.
    const unknownAgency = await admin([
      'init',
      '--from',
      writeSetup('agency.json', { ...setupFile, admin: { ...setupFile.admin, agency: '无' } }),
      '--password',
      'long-enough',
    ]);
    expect(unknownAgency.err).toMatch(
      /admin\.agency \(--agency\) names none of the agencies given/,
    );
    const cases: [string[], RegExp][] = [
      [['init', '--from', join(dir, 'missing.json')], /--from: cannot read/],
      [['init', '--from', writeSetup('syntax.json', '{"district":')], /is not JSON/],
      [['init', '--from', writeSetup('array.json', [])], /must hold a JSON object/],
      [['init'], /towns must name at least one town/],
      [
        ['init', '--from', writeSetup('code.json', setupFile), '--district-code', '33019'],
        /district\.code \(--district-code\) must be a 6-digit division code/,
      ],
      [['init', '--from', writeSetup('ok2.json', setupFile)], /No password given/],
      [
        ['init', '--from', writeSetup('ok3.json', setupFile), '--password', 'short'],
        /--password must be at least 8 characters/,
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await admin(argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err, argv.join(' ')).toMatch(message);
    }
    expect(await state()).toEqual(before);
  });

  it('refuses a second setup and a database with demo data, changing nothing', async () => {
    const path = writeSetup('once.json', setupFile);
    expect((await admin(['init', '--from', path, '--password', 'first-admin-pw'])).code).toBe(0);
    const before = await state();
    const again = await admin([
      'init',
      '--from',
      writeSetup('twice.json', { ...setupFile, admin: { ...setupFile.admin, username: 'other' } }),
      '--password',
      'first-admin-pw',
    ]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/The district is already set up \(示例市新河区, 330199\)/);
    expect(await state()).toEqual(before);

    const demo = await freshDatabase(kind);
    try {
      await seedDistrict(demo, buildDemoDistrict(TEST_NOW), TEST_NOW);
      const res = await runAdmin(demo, () => TEST_NOW, [
        'init',
        '--from',
        path,
        '--password',
        'first-admin-pw',
      ]);
      expect(res.code).toBe(1);
      expect(res.err).toMatch(/already set up \(绍兴市上虞区, 330604\)/);
    } finally {
      await demo.close();
    }
  });

  it('refuses a database that holds agencies or users without a district', async () => {
    await db.query(`DELETE FROM district`);
    await seedDistrict(db, buildDemoDistrict(TEST_NOW), TEST_NOW);
    await db.query(`DELETE FROM district`);
    const before = await state();
    const res = await admin([
      'init',
      '--from',
      writeSetup('held.json', setupFile),
      '--password',
      'first-admin-pw',
    ]);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/already holds agency, town, user records: init is for a new/);
    expect(await state()).toEqual(before);
  });

  it.runIf(kind === 'postgres')(
    'runs as `npm run admin -- init` against DATABASE_URL',
    async () => {
      const { stdout } = await run(
        tsx,
        ['server/src/admin/cli.ts', 'init', '--from', writeSetup('cli.json', setupFile)],
        { env: { ...process.env, DATABASE_URL: db.url, FI_ADMIN_PASSWORD: 'first-admin-pw' } },
      );
      expect(stdout).toMatch(/Set up 示例市新河区/);
      await login(app, 'admin.xinhe', 'first-admin-pw');
    },
  );
});

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDirectoryLock } from '../../server/src/db/directory-lock';
import { embeddedDatabaseDir } from '../../server/src/db/open';
import type { DemoApp } from '../support/demo-app';
import { bearer, demoApp, login, postJson } from '../support/demo-app';
import { runAdmin } from '../support/admin-cli';
import { databaseKinds } from '../support/test-databases';

const run = promisify(execFile);
const tsx = join('node_modules', '.bin', 'tsx');

describe.each(databaseKinds)('admin command line on %s', (kind) => {
  let t: DemoApp;
  beforeAll(async () => {
    t = await demoApp(kind);
  });
  afterAll(() => t.close());

  const admin = (argv: string[], env: NodeJS.ProcessEnv = {}) =>
    runAdmin(t.db, () => new Date(), argv, env);

  it('creates an inspector who can sign in and sees their jurisdiction', async () => {
    const agency = t.district.agencies[0];
    if (!agency) throw new Error('no agency');
    const res = await admin([
      'create-user',
      '--username',
      'inspector.sun',
      '--display-name',
      '孙伟',
      '--role',
      'inspector',
      '--agency',
      agency.name,
      '--jurisdiction',
      '330604001,330604400',
      '--certificate-no',
      'ZJ33060419999',
      '--password',
      'correct-horse',
    ]);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/Created inspector "inspector.sun"/);
    const { token } = await login(t.app, 'inspector.sun', 'correct-horse');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(me.json()).toMatchObject({
      user: {
        username: 'inspector.sun',
        jurisdiction: ['330604001', '330604400'],
        agencyId: agency.id,
      },
      agency: { id: agency.id },
    });
    expect((await admin(['list-users'])).out).toMatch(/inspector\.sun\s+inspector\s+孙伟/);
  });

  it('takes the password from FI_ADMIN_PASSWORD and the agency by id', async () => {
    const agency = t.district.agencies[1];
    if (!agency) throw new Error('no agency');
    const res = await admin(
      [
        'create-user',
        '--username',
        'supervisor.new',
        '--display-name',
        'New Supervisor',
        '--role',
        'supervisor',
        '--agency',
        agency.id,
      ],
      { FI_ADMIN_PASSWORD: 'from-the-environment' },
    );
    expect(res.code).toBe(0);
    await login(t.app, 'supervisor.new', 'from-the-environment');
  });

  it('explains bad input, naming the option, and changes nothing', async () => {
    const agency = t.district.agencies[0]?.name ?? '';
    const base = [
      'create-user',
      '--display-name',
      'X',
      '--agency',
      agency,
      '--password',
      'long-enough',
    ];
    const anAdmin = ['create-user', '--display-name', 'X', '--role', 'admin'];
    const cases: [string[], RegExp][] = [
      [
        [
          ...base,
          '--username',
          'bad.jur',
          '--role',
          'supervisor',
          '--jurisdiction',
          '330604001,12',
        ],
        /--jurisdiction \(item 2\) must be a 9-digit town code/,
      ],
      [
        [...base, '--username', 'no.cert', '--role', 'inspector'],
        /--certificate-no is required for an inspector/,
      ],
      [[...base, '--username', 'x', '--role', 'supervisor'], /--username must be 3–32 characters/],
      [
        [...base, '--username', 'bad.role', '--role', 'boss'],
        /--role must be one of inspector, supervisor, admin/,
      ],
      [
        [...base, '--username', 'inspector.li', '--role', 'supervisor'],
        /a user named "inspector.li" already exists/,
      ],
      [
        [
          ...anAdmin,
          '--username',
          'no.agency',
          '--agency',
          'Nowhere Bureau',
          '--password',
          'long-enough',
        ],
        /no agency has the id or exact name "Nowhere Bureau"[\s\S]*Known agencies/,
      ],
      [
        [...anAdmin, '--username', 'short.pw', '--agency', agency, '--password', 'short'],
        /--password must be at least 8 characters/,
      ],
      [[...anAdmin, '--username', 'no.pw', '--agency', agency], /No password given/],
      [
        ['reset-password', '--username', 'ghost', '--password', 'long-enough'],
        /there is no user named "ghost"/,
      ],
      [['frobnicate'], /Unknown command "frobnicate"/],
      [['list-users', '--colour'], /Unknown option '--colour'/],
    ];
    const counts = () =>
      t.db.query<{ records: number; credentials: number; version: number }>(
        `SELECT (SELECT count(*)::int FROM records) AS records,
                (SELECT count(*)::int FROM credentials) AS credentials,
                (SELECT version FROM sync_state) AS version`,
      );
    const before = await counts();
    for (const [argv, message] of cases) {
      const res = await admin(argv);
      expect(res.code, argv.join(' ')).toBe(1);
      expect(res.err, argv.join(' ')).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });

  it('resets a password, signing the user out everywhere and lifting a login block', async () => {
    const { token } = await login(t.app, 'inspector.wang');
    for (let i = 0; i < 6; i++) {
      await postJson(t.app, '/api/v1/auth/login', {
        username: 'inspector.wang',
        password: 'wrong-one',
        deviceName: 'x',
      });
    }
    const res = await admin([
      'reset-password',
      '--username',
      'inspector.wang',
      '--password',
      'a-new-password',
    ]);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(
      /Password of "inspector.wang" reset; 1 signed-in device\(s\) signed out/,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode,
    ).toBe(401);
    const old = await postJson(t.app, '/api/v1/auth/login', {
      username: 'inspector.wang',
      password: 'demo12345',
      deviceName: 'x',
    });
    expect(old.statusCode).toBe(401);
    await login(t.app, 'inspector.wang', 'a-new-password');
  });

  it.runIf(kind === 'postgres')('runs as `npm run admin` against DATABASE_URL', async () => {
    const { stdout } = await run(tsx, ['server/src/admin/cli.ts', 'list-users'], {
      env: { ...process.env, DATABASE_URL: t.db.url },
    });
    expect(stdout).toMatch(/^USERNAME\s+ROLE/);
    expect(stdout).toMatch(/inspector\.li\s+inspector/);
  });

  it.runIf(kind === 'pglite')('says so clearly when the embedded database is in use', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fi-admin-'));
    const lock = acquireDirectoryLock(embeddedDatabaseDir(dataDir));
    try {
      const failure = await run(tsx, ['server/src/admin/cli.ts', 'list-users'], {
        env: { ...process.env, FI_DATA_DIR: dataDir, DATABASE_URL: '' },
      }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toMatch(
        /is in use by another process \(pid \d+\), most likely a running Field Inspector server/,
      );
      expect(failure?.stderr).not.toMatch(/\n\s+at /);
    } finally {
      lock.release();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

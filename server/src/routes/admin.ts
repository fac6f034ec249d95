// The administration API under /admin (administrators only, authenticateAdmin): agencies and
// towns, users, devices and sessions, and the audit log. Every write records an audit entry in
// its own transaction (admin/directory-writes.ts, admin/account-actions.ts); bodies and queries
// are parsed with the domain schemas, and bad input is a 400 naming the field, changing nothing.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import {
  agencyCreateSchema,
  agencyEditSchema,
  auditQuerySchema,
  passwordResetSchema,
  townCreateSchema,
  townEditSchema,
  userCreateSchema,
  userEditSchema,
  userListQuerySchema,
} from '../../../domain/schemas/admin';
import { idSchema } from '../../../domain/schemas/common';
import {
  orderWipe,
  resetUserPassword,
  revokeDevice,
  revokeSessionById,
  setUserActive,
} from '../admin/account-actions';
import { auditWorkbook } from '../admin/audit-export';
import { listAdminActions } from '../admin/audit-log';
import { certificateExpiring, listDevices } from '../admin/device-list';
import {
  createAgency,
  createTown,
  createUser,
  editAgency,
  editTown,
  editUser,
} from '../admin/directory-writes';
import { authenticateAdmin } from '../auth/authenticate-admin';
import { hashPassword } from '../auth/passwords';
import { listTowns, readDistrict } from '../district/district-store';
import { parseInput } from '../http/parse-input';
import { accountsOf } from '../users/account-state';
import { listAgencies, listUsers } from '../users/user-store';
import type { RouteContext } from './context';

const idParams = z.strictObject({ id: idSchema });
const sessionParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/) });

export const adminRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, clock }) => {
  const admin = (request: Parameters<typeof authenticateAdmin>[1]) =>
    authenticateAdmin(db, request, clock());
  const id = (params: unknown) => parseInput(idParams, params, 'params').id;

  app.get('/admin/agencies', async (request) => {
    await admin(request);
    return { agencies: await listAgencies(db) };
  });
  app.post('/admin/agencies', async (request, reply) => {
    const { user } = await admin(request);
    const body = parseInput(agencyCreateSchema, request.body, 'body');
    return reply.status(201).send({ agency: await createAgency(db, user.id, body, clock()) });
  });
  app.patch('/admin/agencies/:id', async (request) => {
    const { user } = await admin(request);
    const body = parseInput(agencyEditSchema, request.body, 'body');
    return { agency: await editAgency(db, user.id, id(request.params), body, clock()) };
  });

  app.get('/admin/towns', async (request) => {
    await admin(request);
    return { district: await readDistrict(db), towns: await listTowns(db) };
  });
  app.post('/admin/towns', async (request, reply) => {
    const { user } = await admin(request);
    const body = parseInput(townCreateSchema, request.body, 'body');
    return reply.status(201).send({ town: await createTown(db, user.id, body, clock()) });
  });
  app.patch('/admin/towns/:id', async (request) => {
    const { user } = await admin(request);
    const body = parseInput(townEditSchema, request.body, 'body');
    return { town: await editTown(db, user.id, id(request.params), body, clock()) };
  });

  app.get('/admin/users', async (request) => {
    await admin(request);
    const query = parseInput(userListQuerySchema, request.query, 'query');
    const [users, accounts] = await Promise.all([listUsers(db), accountsOf(db)]);
    const search = query.search?.toLowerCase();
    const now = clock();
    const rows = users
      .map((u) => {
        const account = accounts.get(u.id);
        return {
          ...u,
          active: !(account?.deactivated ?? false),
          mustChangePassword: account?.mustChangePassword ?? false,
          certificateExpiring: certificateExpiring(u.certificateExpiresOn, now),
        };
      })
      .filter(
        (u) =>
          (!query.role || u.role === query.role) &&
          (!query.agencyId || u.agencyId === query.agencyId) &&
          (!query.town || u.jurisdiction.includes(query.town)) &&
          (!query.active || String(u.active) === query.active) &&
          (!search ||
            [u.username, u.displayName, u.certificateNo ?? ''].some((f) =>
              f.toLowerCase().includes(search),
            )),
      );
    return { users: rows };
  });
  app.post('/admin/users', async (request, reply) => {
    const { user } = await admin(request);
    const { password, ...body } = parseInput(userCreateSchema, request.body, 'body');
    const hash = await hashPassword(password);
    return reply.status(201).send({ user: await createUser(db, user.id, body, hash, clock()) });
  });
  app.patch('/admin/users/:id', async (request) => {
    const { user } = await admin(request);
    const body = parseInput(userEditSchema, request.body, 'body');
    return { user: await editUser(db, user.id, id(request.params), body, clock()) };
  });
  app.post('/admin/users/:id/deactivate', async (request) => {
    const { user } = await admin(request);
    return setUserActive(db, user.id, id(request.params), false, clock());
  });
  app.post('/admin/users/:id/reactivate', async (request) => {
    const { user } = await admin(request);
    return setUserActive(db, user.id, id(request.params), true, clock());
  });
  app.post('/admin/users/:id/reset-password', async (request) => {
    const { user } = await admin(request);
    const body = parseInput(passwordResetSchema, request.body, 'body');
    const hash = await hashPassword(body.password);
    return resetUserPassword(db, user.id, id(request.params), hash, clock());
  });

  app.get('/admin/devices', async (request) => {
    await admin(request);
    return { devices: await listDevices(db, clock()) };
  });
  app.post('/admin/sessions/:id/revoke', async (request, reply) => {
    const { user } = await admin(request);
    const session = parseInput(sessionParams, request.params, 'params').id;
    await revokeSessionById(db, user.id, session, clock());
    return reply.status(204).send();
  });
  app.post('/admin/devices/:id/revoke', async (request) => {
    const { user } = await admin(request);
    return revokeDevice(db, user.id, id(request.params), clock());
  });
  app.post('/admin/devices/:id/wipe', async (request, reply) => {
    const { user } = await admin(request);
    await orderWipe(db, user.id, id(request.params), clock());
    return reply.status(202).send();
  });

  const auditEntries = async (query: unknown) => {
    const q = parseInput(auditQuerySchema, query, 'query');
    return listAdminActions(db, q);
  };
  app.get('/admin/audit', async (request) => {
    await admin(request);
    return { entries: await auditEntries(request.query) };
  });
  app.get('/admin/audit.xlsx', async (request, reply) => {
    await admin(request);
    const entries = await auditEntries(request.query);
    const names = new Map((await listUsers(db)).map((u) => [u.id, u.displayName]));
    const bytes = await auditWorkbook(entries, names);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="audit-log.xlsx"')
      .send(bytes);
  });
};

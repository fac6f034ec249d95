// The administration client for the directory, people and devices: agencies and towns, users,
// devices and sessions, and the audit log. Online only (the server is the authority on accounts),
// on the profile's HTTP core; bodies are parsed with the domain schemas before they are sent, and
// every answer with the schemas of admin-people-views.
import type { z } from 'zod';
import type { AuditQuery, UserEdit, UserListQuery } from '../../../domain/schemas/admin';
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
import {
  adminDeviceListAnswerSchema,
  adminUserListAnswerSchema,
  agencyAnswerSchema,
  agencyListAnswerSchema,
  auditListAnswerSchema,
  revokedSessionsAnswerSchema,
  townAnswerSchema,
  townListAnswerSchema,
  userActiveAnswerSchema,
  userAnswerSchema,
} from '../../../domain/schemas/admin-people-views';
import type { HttpCore } from './http-core';
import { jsonBody } from './http-core';

const query = (values: Record<string, string | number | undefined>): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
};

export function createAdminPeopleClient(http: HttpCore) {
  const { request, json } = http;
  const send = (method: string, path: string, body?: unknown) =>
    request(path, { method, ...(body === undefined ? {} : { body: jsonBody(body) }) });
  const id = encodeURIComponent;

  return {
    async listAgencies() {
      return (await json(await request('/admin/agencies'), agencyListAnswerSchema)).agencies;
    },
    async createAgency(fields: z.input<typeof agencyCreateSchema>) {
      const body = agencyCreateSchema.parse(fields);
      return (await json(await send('POST', '/admin/agencies', body), agencyAnswerSchema)).agency;
    },
    async editAgency(agencyId: string, patch: z.input<typeof agencyEditSchema>) {
      const body = agencyEditSchema.parse(patch);
      const answer = await send('PATCH', `/admin/agencies/${id(agencyId)}`, body);
      return (await json(answer, agencyAnswerSchema)).agency;
    },

    async listTowns() {
      return json(await request('/admin/towns'), townListAnswerSchema);
    },
    async createTown(fields: z.input<typeof townCreateSchema>) {
      const body = townCreateSchema.parse(fields);
      return (await json(await send('POST', '/admin/towns', body), townAnswerSchema)).town;
    },
    async editTown(townId: string, patch: z.input<typeof townEditSchema>) {
      const body = townEditSchema.parse(patch);
      const answer = await send('PATCH', `/admin/towns/${id(townId)}`, body);
      return (await json(answer, townAnswerSchema)).town;
    },

    async listUsers(filters: UserListQuery = {}) {
      const q = userListQuerySchema.parse(filters);
      const answer = await request(`/admin/users${query(q)}`);
      return (await json(answer, adminUserListAnswerSchema)).users;
    },
    async createUser(fields: z.input<typeof userCreateSchema>) {
      const body = userCreateSchema.parse(fields);
      return (await json(await send('POST', '/admin/users', body), userAnswerSchema)).user;
    },
    async editUser(userId: string, patch: UserEdit) {
      const body = userEditSchema.parse(patch);
      const answer = await send('PATCH', `/admin/users/${id(userId)}`, body);
      return (await json(answer, userAnswerSchema)).user;
    },
    async setUserActive(userId: string, active: boolean) {
      const verb = active ? 'reactivate' : 'deactivate';
      const answer = await send('POST', `/admin/users/${id(userId)}/${verb}`);
      return (await json(answer, userActiveAnswerSchema)).active;
    },
    async resetPassword(userId: string, password: string) {
      const body = passwordResetSchema.parse({ password });
      const answer = await send('POST', `/admin/users/${id(userId)}/reset-password`, body);
      return (await json(answer, revokedSessionsAnswerSchema)).revokedSessions;
    },

    async listDevices() {
      return (await json(await request('/admin/devices'), adminDeviceListAnswerSchema)).devices;
    },
    async revokeDevice(deviceId: string) {
      const answer = await send('POST', `/admin/devices/${id(deviceId)}/revoke`);
      return (await json(answer, revokedSessionsAnswerSchema)).revokedSessions;
    },
    async revokeSession(sessionId: string) {
      await send('POST', `/admin/sessions/${id(sessionId)}/revoke`);
    },
    async orderWipe(deviceId: string) {
      await send('POST', `/admin/devices/${id(deviceId)}/wipe`);
    },

    async listAudit(filters: AuditQuery = {}) {
      const q = auditQuerySchema.parse(filters);
      const answer = await request(`/admin/audit${query(q)}`);
      return (await json(answer, auditListAnswerSchema)).entries;
    },
    /** The log's entries matching `filters`, as an .xlsx workbook's bytes. */
    async exportAudit(filters: AuditQuery = {}): Promise<Uint8Array<ArrayBuffer>> {
      const q = auditQuerySchema.parse(filters);
      const answer = await request(`/admin/audit.xlsx${query(q)}`);
      return new Uint8Array(await answer.arrayBuffer());
    },
  };
}

export type AdminPeopleClient = ReturnType<typeof createAdminPeopleClient>;

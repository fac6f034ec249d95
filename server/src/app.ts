// The HQ server's Fastify app factory. Everything it needs is passed in, so tests build as many
// apps as they like on fresh databases; the process entry point only reads configuration.
import { resolve } from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import Fastify from 'fastify';
import { API_PREFIX } from '../../domain/sync/protocol';
import type { SessionLimits } from './auth/sessions';
import { DEFAULT_SESSION_LIMITS } from './auth/sessions';
import type { BlobStore } from './blobs/blob-store';
import { databaseBlobStore } from './blobs/blob-store';
import { DEFAULT_UPLOAD_QUOTA_MIB } from './config';
import type { Database } from './db/database';
import { installCors } from './http/cors';
import { installErrorHandling } from './http/error-handling';
import type { HttpLimits } from './http/http-limits';
import { DEFAULT_HTTP_LIMITS, applyConnectionLimit, httpServerOptions } from './http/http-limits';
import type { TrustedProxies } from './http/trust-proxy';
import { installWebApp } from './http/web-app';
import { adminEnterpriseEditRoutes } from './routes/admin-enterprise-edits';
import { adminEnterpriseRoutes } from './routes/admin-enterprises';
import { adminTemplateRoutes } from './routes/admin-templates';
import { adminGb18218Routes } from './routes/admin-gb18218';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { blobRoutes } from './routes/blobs';
import { registerRoutes } from './routes/register';
import { caseRoutes } from './routes/cases';
import { conflictRoutes } from './routes/conflicts';
import type { TestHooks } from './routes/context';
import { healthRoutes } from './routes/health';
import { officerConflictRoutes } from './routes/officer-conflicts';
import { riskOverrideRoutes } from './routes/risk-overrides';
import { planRoutes } from './routes/plans';
import { syncRoutes } from './routes/sync';

export interface AppOptions {
  db: Database;
  clock?: () => Date;
  /** The built renderer; defaults to dist/web under the working directory. */
  webRoot?: string;
  /** Fastify's logger option; by default the app logs nothing (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Where blob bytes go; by default into the database (PostgreSQL, in-memory PGlite). */
  blobs?: BlobStore;
  /** Test-only points inside requests (see TestHooks); never set in production. */
  hooks?: TestHooks;
  /** How long sessions live; DEFAULT_SESSION_LIMITS unless configured. */
  sessionLimits?: SessionLimits;
  /** The proxies whose X-Forwarded-For names the client; none by default. */
  trustProxy?: TrustedProxies;
  /** Timeouts and connection limit of the HTTP server; DEFAULT_HTTP_LIMITS unless configured. */
  http?: HttpLimits;
  /** Bytes one user may have uploaded that no record refers to yet (config.ts's default). */
  uploadQuotaBytes?: number;
}

/** Bodies of sync routes (push batches) may be larger than sign-in bodies, but stay bounded. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const http = options.http ?? DEFAULT_HTTP_LIMITS;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    ...httpServerOptions(http),
  });
  applyConnectionLimit(app, http);
  const context = {
    db: options.db,
    clock: options.clock ?? (() => new Date()),
    blobs: options.blobs ?? databaseBlobStore(),
    hooks: options.hooks,
    sessionLimits: options.sessionLimits ?? DEFAULT_SESSION_LIMITS,
    uploadQuotaBytes: options.uploadQuotaBytes ?? DEFAULT_UPLOAD_QUOTA_MIB * 1024 * 1024,
  };

  // An empty JSON body (a bare POST /auth/logout with a JSON content type) is no body at all.
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text === '') done(null, undefined);
    else defaultJson(request, text, done);
  });

  installErrorHandling(app);
  installCors(app);
  await app.register(healthRoutes, { ...context, prefix: API_PREFIX });
  await app.register(authRoutes, { ...context, prefix: API_PREFIX });
  await app.register(syncRoutes, { ...context, prefix: API_PREFIX });
  await app.register(blobRoutes, { ...context, prefix: API_PREFIX });
  await app.register(conflictRoutes, { ...context, prefix: API_PREFIX });
  await app.register(adminEnterpriseRoutes, { ...context, prefix: API_PREFIX });
  await app.register(adminEnterpriseEditRoutes, { ...context, prefix: API_PREFIX });
  await app.register(adminTemplateRoutes, { ...context, prefix: API_PREFIX });
  await app.register(adminGb18218Routes, { ...context, prefix: API_PREFIX });
  await app.register(planRoutes, { ...context, prefix: API_PREFIX });
  await app.register(officerConflictRoutes, { ...context, prefix: API_PREFIX });
  await app.register(riskOverrideRoutes, { ...context, prefix: API_PREFIX });
  await app.register(registerRoutes, { ...context, prefix: API_PREFIX });
  await app.register(caseRoutes, { ...context, prefix: API_PREFIX });
  await app.register(adminRoutes, { ...context, prefix: API_PREFIX });
  await installWebApp(app, resolve(options.webRoot ?? 'dist/web'));
  return app;
}

// The administration client of checklist templates and the enterprise registry (online only):
// template drafts, publication, retirement and differences; enterprises created, edited, closed
// and reopened; the registry's template workbook, export and import. Each answer is parsed with
// the schemas of domain/schemas/admin-content.ts; failures are http-core's errors.
import type { z } from 'zod';
import {
  diffResponseSchema,
  draftListResponseSchema,
  draftResponseSchema,
  enterpriseResponseSchema,
  importResponseSchema,
  templateResponseSchema,
} from '../../../domain/schemas/admin-content';
import type { ImportPreview, TemplateDraft } from '../../../domain/schemas/admin-content';
import type { Closure, Enterprise, EnterpriseInput } from '../../../domain/schemas/enterprise';
import type { ChecklistTemplate, TemplateContent } from '../../../domain/schemas/template';
import type { templateDiffSchema } from '../../../domain/schemas/admin-content';
import { jsonBody } from './http-core';
import type { HttpCore } from './http-core';

export type TemplateDiff = z.infer<typeof templateDiffSchema>;
export type RegistryFormat = 'xlsx' | 'csv';

export interface AdminContentClient {
  listDrafts(): Promise<TemplateDraft[]>;
  /** A new checklist of the bureau's own, copied from any template (built-in ones too). */
  copyTemplate(templateId: string, title?: string): Promise<TemplateDraft>;
  /** A draft of the checklist's next version. */
  reviseTemplate(templateId: string): Promise<TemplateDraft>;
  saveDraft(
    draft: Pick<TemplateDraft, 'id' | 'revision'>,
    content: TemplateContent,
  ): Promise<TemplateDraft>;
  publishDraft(draft: Pick<TemplateDraft, 'id' | 'revision'>): Promise<ChecklistTemplate>;
  discardDraft(draft: Pick<TemplateDraft, 'id' | 'revision'>): Promise<void>;
  draftDiff(draftId: string): Promise<TemplateDiff>;
  retireTemplate(templateId: string): Promise<ChecklistTemplate>;
  templateDiff(fromId: string, toId: string): Promise<TemplateDiff>;

  createEnterprise(input: EnterpriseInput): Promise<Enterprise>;
  updateEnterprise(id: string, baseVersion: number, input: EnterpriseInput): Promise<Enterprise>;
  closeEnterprise(id: string, baseVersion: number, closure: Closure): Promise<Enterprise>;
  reopenEnterprise(id: string, baseVersion: number): Promise<Enterprise>;

  /** The empty workbook with the import's Chinese column headings. */
  importTemplate(): Promise<Uint8Array<ArrayBuffer>>;
  exportRegistry(format: RegistryFormat): Promise<Uint8Array<ArrayBuffer>>;
  /** What importing the file would do; nothing is written. */
  previewImport(file: Uint8Array<ArrayBuffer>): Promise<ImportPreview>;
  /** The import, all or nothing; a file with any bad row is refused (ApiError import_invalid). */
  confirmImport(file: Uint8Array<ArrayBuffer>): Promise<ImportPreview>;
}

const post = (value?: unknown): RequestInit => ({
  method: 'POST',
  ...(value === undefined ? {} : { body: jsonBody(value) }),
});

/** The file's bytes as sent: the server reads .xlsx or .csv from the bytes themselves. */
const fileInit = (file: Uint8Array<ArrayBuffer>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/octet-stream' },
  body: new Blob([file], { type: 'application/octet-stream' }),
});

export function createAdminContentClient(http: HttpCore): AdminContentClient {
  const { request, json } = http;
  const bytes = async (path: string) => new Uint8Array(await (await request(path)).arrayBuffer());
  const draftPath = (id: string) => `/admin/template-drafts/${encodeURIComponent(id)}`;
  const templatePath = (id: string) => `/admin/templates/${encodeURIComponent(id)}`;
  const enterprisePath = (id: string) => `/admin/enterprises/${encodeURIComponent(id)}`;

  return {
    async listDrafts() {
      return (await json(await request('/admin/template-drafts'), draftListResponseSchema)).drafts;
    },
    async copyTemplate(templateId, title) {
      const response = await request(
        `${templatePath(templateId)}/copy`,
        post(title === undefined ? {} : { title }),
      );
      return (await json(response, draftResponseSchema)).draft;
    },
    async reviseTemplate(templateId) {
      const response = await request(`${templatePath(templateId)}/revise`, post({}));
      return (await json(response, draftResponseSchema)).draft;
    },
    async saveDraft(draft, content) {
      const response = await request(draftPath(draft.id), {
        method: 'PUT',
        body: jsonBody({ revision: draft.revision, content }),
      });
      return (await json(response, draftResponseSchema)).draft;
    },
    async publishDraft(draft) {
      const response = await request(
        `${draftPath(draft.id)}/publish`,
        post({ revision: draft.revision }),
      );
      return (await json(response, templateResponseSchema)).template;
    },
    async discardDraft(draft) {
      await request(`${draftPath(draft.id)}/discard`, post({ revision: draft.revision }));
    },
    async draftDiff(draftId) {
      return (await json(await request(`${draftPath(draftId)}/diff`), diffResponseSchema)).diff;
    },
    async retireTemplate(templateId) {
      const response = await request(`${templatePath(templateId)}/retire`, post({}));
      return (await json(response, templateResponseSchema)).template;
    },
    async templateDiff(fromId, toId) {
      const response = await request(`${templatePath(fromId)}/diff/${encodeURIComponent(toId)}`);
      return (await json(response, diffResponseSchema)).diff;
    },

    async createEnterprise(input) {
      const response = await request('/admin/enterprises', post(input));
      return (await json(response, enterpriseResponseSchema)).enterprise;
    },
    async updateEnterprise(id, baseVersion, input) {
      const response = await request(enterprisePath(id), {
        method: 'PUT',
        body: jsonBody({ baseVersion, enterprise: input }),
      });
      return (await json(response, enterpriseResponseSchema)).enterprise;
    },
    async closeEnterprise(id, baseVersion, closure) {
      const response = await request(
        `${enterprisePath(id)}/close`,
        post({ baseVersion, ...closure }),
      );
      return (await json(response, enterpriseResponseSchema)).enterprise;
    },
    async reopenEnterprise(id, baseVersion) {
      const response = await request(`${enterprisePath(id)}/reopen`, post({ baseVersion }));
      return (await json(response, enterpriseResponseSchema)).enterprise;
    },

    importTemplate: () => bytes('/admin/enterprises/template'),
    exportRegistry: (format) => bytes(`/admin/enterprises/export?format=${format}`),
    async previewImport(file) {
      const response = await request('/admin/enterprises/import/preview', fileInit(file));
      return (await json(response, importResponseSchema)).preview;
    },
    async confirmImport(file) {
      const response = await request('/admin/enterprises/import', fileInit(file));
      return (await json(response, importResponseSchema)).preview;
    },
  };
}

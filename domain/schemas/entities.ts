// The synced entities by their wire names, each with its schema.
import { z } from 'zod';
import { agencySchema } from './agency';
import { documentSchema } from './document';
import { enterpriseSchema } from './enterprise';
import { findingSchema } from './finding';
import { gb18218EditionSchema } from './gb18218-edition';
import { inspectionSchema } from './inspection';
import { taskSchema } from './task';
import { templateSchema } from './template';
import { townSchema } from './town';
import { userSchema } from './user';

export const entityNames = [
  'agency',
  'user',
  'enterprise',
  'template',
  'inspection',
  'finding',
  'task',
  'document',
  'town',
  'gb18218Edition',
] as const;
export const entityNameSchema = z.enum(entityNames);
export type EntityName = z.infer<typeof entityNameSchema>;

export const entitySchemas = {
  agency: agencySchema,
  user: userSchema,
  enterprise: enterpriseSchema,
  template: templateSchema,
  inspection: inspectionSchema,
  finding: findingSchema,
  task: taskSchema,
  document: documentSchema,
  town: townSchema,
  gb18218Edition: gb18218EditionSchema,
} as const;

export type EntityRecord<E extends EntityName> = z.infer<(typeof entitySchemas)[E]>;

// The validation issues of a refused record, in a form the app can say in the user's language:
// each issue's field path and what is wrong with it as a key (a domain schema's message key such
// as `creditCode.length`, or one of zod's kinds of problem with its limit). The server sends them
// JSON-encoded in the `issueList` parameter of an `invalid` or `invalidMerged` refusal, beside
// the English sentence in `issues` that other readers get.
import { z } from 'zod';
import { MAX_REFUSAL_PARAM } from './refusals';

/** What is wrong, when no domain message key says it. */
export const issueKinds = [
  'type',
  'tooBig',
  'tooSmall',
  'oneOf',
  'unknownField',
  'invalid',
] as const;

export const refusalIssueSchema = z.object({
  path: z.string().max(300),
  /** A message key of the domain schemas (errors.<key> in the app), or one of issueKinds. */
  key: z.string().min(1).max(100),
  /** The limit of tooBig and tooSmall, the allowed values of oneOf, the type of type. */
  detail: z.string().max(300).optional(),
});
export type RefusalIssue = z.infer<typeof refusalIssueSchema>;

const issueListSchema = z.array(refusalIssueSchema);

/** The issues as the refusal's parameter: as many as fit, in order, within the parameter's size. */
export function encodeIssues(issues: readonly RefusalIssue[]): string {
  const kept: RefusalIssue[] = [];
  for (const issue of issues) {
    const parsed = refusalIssueSchema.safeParse(issue);
    if (!parsed.success) continue;
    if (JSON.stringify([...kept, parsed.data]).length > MAX_REFUSAL_PARAM) break;
    kept.push(parsed.data);
  }
  return JSON.stringify(kept);
}

/** The issues of a refusal's parameter, or null when it holds none the app can read. */
export function decodeIssues(param: string | undefined): RefusalIssue[] | null {
  if (param === undefined) return null;
  try {
    const parsed = issueListSchema.safeParse(JSON.parse(param));
    return parsed.success && parsed.data.length > 0 ? parsed.data : null;
  } catch {
    return null;
  }
}

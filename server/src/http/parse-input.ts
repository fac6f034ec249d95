// Parses request input with a domain schema and turns zod issues into readable English that
// names each wrong field. The domain schemas carry message keys (shared with the renderer's
// translations); this maps them to sentences for API clients.
import type { z } from 'zod';
import type { RefusalIssue } from '../../../domain/sync/refusal-issues';
import type { ApiIssue } from './api-error';
import { ApiError } from './api-error';

const messages: Record<string, string> = {
  required: 'is required',
  tooLong: 'is too long',
  'username.invalid':
    "must be 3–32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit",
  'password.tooShort': 'must be at least 8 characters',
  'password.tooLong': 'must be at most 128 characters',
  'id.invalid': 'must be a UUID',
  'timestamp.invalid': 'must be an ISO 8601 timestamp with an offset',
  'date.invalid': 'must be a date, YYYY-MM-DD',
  'town.invalid': 'must be a 9-digit town code',
  'closure.mergedInto': 'is required for a merger and only for a merger',
  'cas.format': 'must be a CAS number such as 7664-41-7',
  'cas.checkDigit': 'has a wrong check digit',
  'enterprise.chemicalsWithUnits':
    'is the list of records from before units: send it alone (it becomes one unit) or send units only',
  'holding.unidentified': 'needs a CAS number, a Table 1 row or its hazard classes',
  'holding.pureUnidentified': 'needs its pure substance named or classified',
  'holding.physicalStateRequired': 'needs the physical state, as it has acute toxicity',
  'holding.boilingPointRequired':
    'needs the boiling point, as a liquid toxic by inhalation (category 2 or 3)',
  'holding.duplicateCondition': 'names a process condition twice',
  'ghs.category': 'is not a category of that hazard class',
  'ghs.route': 'is required for acute toxicity and only for it',
  'creditCode.length': 'must be 18 characters long',
  'creditCode.charset': 'holds a character credit codes never use (I, O, Z, S, V or a symbol)',
  'creditCode.checkCharacter': 'has a wrong check character',
  'phone.invalid': 'must be a phone number (5–20 digits, spaces, + or -)',
  'certificateNo.invalid': 'must be 6–20 letters, digits or dashes',
  'certificateNo.requiredForInspector': 'is required for an inspector',
  'district.invalid': 'must be a 6-digit division code',
  'town.outsideDistrict': "must begin with the district's division code",
  'town.duplicate': 'is given twice',
  'town.unknown': 'names no town of the district',
  'towns.required': 'must name at least one town',
  'agency.duplicate': 'is given to two agencies',
  'agency.unknown': 'names none of the agencies given',
  'agencies.required': 'must name at least one agency',
  'text.unstorable':
    'contains a character that cannot be stored (U+0000, or half of a UTF-16 surrogate pair)',
};

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `is not a known field`;
  const known = messages[issue.message];
  if (known) return known;
  if (issue.code === 'invalid_type') return `must be of type ${issue.expected}`;
  if (issue.code === 'too_big') return `must be at most ${String(issue.maximum)}`;
  if (issue.code === 'too_small') return `must be at least ${String(issue.minimum)}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.join(', ')}`;
  return issue.message;
}

export function toIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: path ? `${path}.${key}` : key,
        message: describe(issue),
      }));
    }
    return [{ path, message: describe(issue) }];
  });
}

/** Each issue's path and what is wrong as a key, for a refusal the app translates. */
export function toIssueKeys(error: z.ZodError): RefusalIssue[] {
  return error.issues.flatMap((issue): RefusalIssue[] => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: path ? `${path}.${key}` : key,
        key: 'unknownField',
      }));
    }
    if (messages[issue.message]) return [{ path, key: issue.message }];
    if (issue.code === 'invalid_type') return [{ path, key: 'type', detail: issue.expected }];
    if (issue.code === 'too_big') return [{ path, key: 'tooBig', detail: String(issue.maximum) }];
    if (issue.code === 'too_small') {
      return [{ path, key: 'tooSmall', detail: String(issue.minimum) }];
    }
    if (issue.code === 'invalid_value') {
      return [{ path, key: 'oneOf', detail: issue.values.map(String).join(', ').slice(0, 300) }];
    }
    return [{ path, key: 'invalid' }];
  });
}

export function issuesSentence(issues: ApiIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path} ${i.message}` : `the ${i.message}`)).join('; ');
}

/** Whether `value` is an object as JSON.parse makes them (not a stream or another class). */
function isParsedJson(value: unknown): boolean {
  const prototype: unknown = Object.getPrototypeOf(Object(value));
  return prototype === Object.prototype || prototype === null;
}

/** Parses `value` or throws a 400 naming every wrong field. `what` names the input in messages. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: 'body' | 'query' | 'params',
): z.output<S> {
  if (what === 'body' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    throw new ApiError(400, 'invalid_body', 'The request body must be a JSON object.');
  }
  if (what === 'body' && !isParsedJson(value)) {
    // A body of another type reaches routes that take any type (the blob routes) as the request
    // stream: reading it as the JSON object would name the stream's own fields.
    throw new ApiError(415, 'unsupported_media_type', 'Send the request body as application/json.');
  }
  const result = schema.safeParse(value, {
    // A missing field reads better as "is required" than as "expected string, received undefined".
    error: (issue) =>
      issue.code === 'invalid_type' && issue.input === undefined ? 'required' : undefined,
  });
  if (result.success) return result.data;
  const issues = toIssues(result.error);
  throw new ApiError(
    400,
    `invalid_${what}`,
    `Invalid request ${what}: ${issuesSentence(issues)}.`,
    issues,
  );
}

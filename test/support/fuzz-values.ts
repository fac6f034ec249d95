// Hostile values for the endpoint fuzzer: strings the database cannot hold or that mean something
// to SQL, JSON, HTML or the text layout; numbers at and past every edge; wrong shapes; and
// perturbations (set, delete, add a key, replace the whole) applied to valid records.
import fc from 'fast-check';

/** Characters that have broken, or could break, something between the wire and the database. */
const SPECIAL_CHARACTERS = [
  '\u0000', // PostgreSQL text and jsonb cannot hold it
  '\ud800', // a lone high surrogate: no UTF-8 form
  '\udfff', // a lone low surrogate
  '\u202e', // right-to-left override
  '\u200b', // zero-width space
  '\u200d', // zero-width joiner
  '\ufeff', // byte order mark
  '\u0085', // next line
  '\u2028', // line separator (not allowed raw in old JSON-in-JS)
  '\u001b', // escape
  '\uffff', // a noncharacter
  '😀', // a surrogate pair
  '👩‍🚒', // a joined emoji
  '中',
  '"',
  "'",
  '\\',
  '/',
  '%',
  '_',
  ';',
  '$',
  '{',
  '}',
  '[',
  ']',
  '<',
  '>',
  '&',
  '\n',
  '\t',
  ' ',
];

const SPECIAL_STRINGS = [
  '',
  ' ',
  "'; DROP TABLE records; --",
  "' OR '1'='1",
  '$1',
  '%s%s%n',
  '{"$ne": null}',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e999',
  '0x10',
  '١٢٣', // Arabic-Indic digits
  '\u202eevil\u202c',
  'a\u0000b',
  'half \ud83d emoji',
  '\udc00start',
  '0000-01-01T00:00:00Z',
  '2026-11-29T08:00:00+23:59',
  '2026-02-30',
  '2026-11-29T08:00:00.000+08:00',
  '019a0000-0000-7000-8000-000000000000',
  '00000000-0000-0000-0000-000000000000',
  'a'.repeat(64),
];

/**
 * Times and dates in the ISO forms the schemas take, at and past what a database holds (year
 * 0000, offsets past ±15:59, nanoseconds), and a few that are not times at all.
 */
export const HOSTILE_TIMES = [
  '0000-01-01T00:00:00Z',
  '0000-12-31T23:59:59.999+00:00',
  '0000-01-01',
  '2026-11-29T08:00:00+23:59',
  '2026-11-29T08:00:00-16:00',
  '9999-12-31T23:59:59+15:59',
  '0001-01-01T00:00:00+14:00',
  '2026-11-29T08:00:00.123456789Z',
  '2026-11-29T24:00:00Z',
  '+275760-09-13T00:00:00Z',
];

/** One character: a special one, any code point, or half of a surrogate pair. */
const character = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_CHARACTERS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  },
);

/** Lengths past the schemas' limits and past the smaller body limits. */
const LONG_LENGTHS = [65, 201, 2001, 4001, 70_000];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 4, arbitrary: fc.string({ unit: character, maxLength: 24 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...LONG_LENGTHS), fc.constantFrom('x', '中', '😀', '\u200b'))
      .map(([n, c]) => c.repeat(n)),
  },
);

/** Text a person may well type: odd but storable. What a valid record should still accept. */
export const oddButStorableString: fc.Arbitrary<string> = fc
  .string({
    unit: fc.constantFrom(
      ...SPECIAL_CHARACTERS.filter((c) => c !== '\u0000' && !/\p{Cs}/u.test(c)),
    ),
    minLength: 1,
    maxLength: 12,
  })
  .map((s) => `x${s}`);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    1.5,
    2 ** 31,
    2 ** 32 + 1,
    2 ** 53 - 1,
    2 ** 53 + 2,
    2 ** 63,
    1e21,
    1e308,
    -1e308,
    Number.MIN_VALUE,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A value nested `depth` levels deep, as arrays or objects. */
export function nested(depth: number, asObject: boolean): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
}

/** Wrong types and shapes, including deep nesting and large arrays. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.constant([]) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(20, 600, 3000), fc.boolean())
      .map(([depth, asObject]) => nested(depth, asObject)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(11, 501, 2001, 20_000), hostileValue0())
      .map(([n, v]) => Array.from({ length: n }, () => v)),
  },
);

function hostileValue0(): fc.Arbitrary<unknown> {
  return fc.oneof(hostileNumber, fc.constantFrom('a', '', null, {}, '\u0000'));
}

/**
 * A change to a JSON value at a place chosen by `at` (reduced modulo the places there are): any
 * place, or only where a string (`setText`, `setOdd`), text a person wrote (`setProse`: a string
 * with a space or a character past ASCII), a number (`setNumber`), a string or null (`setTime`:
 * times and dates past what the database holds) or an id (`setId`: a well-formed id that names
 * nothing) is, so that hostile values land where the schemas take them.
 */
export type Perturbation =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'setText'; at: number; value: string }
  | { kind: 'setProse'; at: number; value: string }
  | { kind: 'setOdd'; at: number; value: string }
  | { kind: 'setNumber'; at: number; value: number }
  | { kind: 'setTime'; at: number; value: string }
  | { kind: 'setId'; at: number; value: string }
  | { kind: 'delete'; at: number }
  | { kind: 'addKey'; at: number; key: string; value: unknown };

/** Odd but storable text where a string was: what a valid record may well hold. */
export const oddPerturbation: fc.Arbitrary<Perturbation> = fc.record({
  kind: fc.constant('setOdd' as const),
  at: fc.nat(),
  value: oddButStorableString,
});

export const perturbation: fc.Arbitrary<Perturbation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('setText' as const),
      at: fc.nat(),
      value: hostileString,
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('setProse' as const),
      at: fc.nat(),
      value: hostileString,
    }),
  },
  { weight: 3, arbitrary: oddPerturbation },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('setNumber' as const),
      at: fc.nat(),
      value: hostileNumber,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: hostileValue }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('setId' as const),
      at: fc.nat(),
      value: fc.oneof(
        fc.uuid(),
        fc.constantFrom(
          '00000000-0000-0000-0000-000000000000',
          '019a0000-0000-7000-8000-000000000000',
        ),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('setTime' as const),
      at: fc.nat(),
      value: fc.constantFrom(...HOSTILE_TIMES),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('addKey' as const),
      at: fc.nat(),
      key: hostileString,
      value: hostileValue,
    }),
  },
);

type Path = (string | number)[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every place inside `value` (the root excluded), parents before their children. */
function places(value: unknown, prefix: Path = [], found: Path[] = []): Path[] {
  if (value === null || typeof value !== 'object') return found;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value as Record<string, unknown>);
  for (const [key, child] of entries) {
    const path = [...prefix, key];
    found.push(path);
    // Long lists (checklist answers) are sampled: the first few stand for the rest.
    if (!Array.isArray(value) || (key as number) < 3) places(child, path, found);
  }
  return found;
}

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function containerAt(root: unknown, path: Path): Record<string | number, unknown> | null {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : null;
}

/** `value` (a JSON object, copied) with the perturbations applied, in order. */
export function perturb(
  value: Record<string, unknown>,
  changes: readonly Perturbation[],
): Record<string, unknown> {
  const copy = structuredClone(value);
  for (const change of changes) {
    const leaf = (kind: string) => (path: Path) => typeof valueAt(copy, path) === kind;
    const prose = (path: Path) => {
      const value = valueAt(copy, path);
      return typeof value === 'string' && /[\s\u0080-\uffff]/.test(value);
    };
    const all = places(copy).filter(
      change.kind === 'setText' || change.kind === 'setOdd'
        ? leaf('string')
        : change.kind === 'setProse'
          ? prose
          : change.kind === 'setId'
            ? (path: Path) => UUID.test(String(valueAt(copy, path)))
            : change.kind === 'setTime'
              ? (path: Path) => valueAt(copy, path) === null || leaf('string')(path)
              : change.kind === 'setNumber'
                ? leaf('number')
                : () => true,
    );
    if (all.length === 0) continue;
    const path = all[change.at % all.length]!;
    const parent = containerAt(copy, path.slice(0, -1));
    const key = path.at(-1)!;
    if (!parent) continue;
    if (change.kind !== 'delete' && change.kind !== 'addKey') parent[key] = change.value;
    else if (change.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else {
      const target = containerAt(copy, path) ?? parent;
      // Defined rather than assigned, so that a key such as __proto__ is sent as it is.
      if (!Array.isArray(target)) {
        Object.defineProperty(target, change.key, {
          value: change.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
  }
  return copy;
}

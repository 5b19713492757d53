/**
 * Location search (`POST /search/structured`): a small interpreter for the Elasticsearch-like query
 * language of §5.2, over the built-in locations.
 *
 * Only `field`, `bool` and dis-max are documented, and only partly; where the reference is silent this
 * follows Elasticsearch: `bool` takes `must`, `filter`, `should` and `must_not`; dis-max is accepted under
 * both `dis_max` and `dis-max` with `queries` and an optional `tie_breaker`. Unknown field names simply do
 * not match (the set of searchable fields is undocumented); a query of the wrong shape is a 400.
 */
import { type Location, locationProperties, locations as builtInLocations } from './locations';

/** One search hit, as the API returns it. */
export interface SearchHit {
  readonly score: number;
  readonly uuid: string;
  readonly title: string;
  readonly properties: Record<string, unknown>;
}

export type SearchOutcome =
  | { readonly ok: true; readonly hits: readonly SearchHit[] }
  | { readonly ok: false; readonly message: string };

/** Field weights: a postcode narrows far more than a town name, so it scores higher (scores are relative only). */
const WEIGHTS: Readonly<Record<string, number>> = {
  postcode: 24.1,
  huisnummer: 12.05,
  huisletter: 6.2,
  huisnummertoevoeging: 6.2,
  perceelnummer: 18.4,
  sectie: 6.6,
};
const DEFAULT_WEIGHT = 4.3;
const MAX_HITS = 25;

/** Runs a structured search; `entity` and `query` are the request body's fields, unvalidated. */
export const searchLocations = (
  entity: unknown,
  query: unknown,
  locations: readonly Location[] = builtInLocations,
): SearchOutcome => {
  if (entity !== 'adres' && entity !== 'perceel') {
    return { ok: false, message: 'entity must be "adres" or "perceel"' };
  }
  const compiled = compile(query, 'query');
  if (typeof compiled === 'string') return { ok: false, message: compiled };
  const hits = locations
    .filter((location) => location.kind === entity)
    .map((location) => ({ location, score: compiled(searchableFields(location, locations)) }))
    .filter(
      (scored): scored is { location: Location; score: number } => scored.score !== null && scored.score > 0,
    )
    .sort((a, b) => b.score - a.score || a.location.title.localeCompare(b.location.title))
    .slice(0, MAX_HITS)
    .map(({ location, score }) => ({
      score: Math.round(score * 1000) / 1000,
      uuid: location.uuid,
      title: location.title,
      properties: locationProperties(location),
    }));
  return { ok: true, hits };
};

/** Field name → normalised values. A lot also answers to the address fields of the houses on it. */
type Fields = ReadonlyMap<string, readonly string[]>;
/** A compiled query: the score of a location, or null when it does not match. */
type Matcher = (fields: Fields) => number | null;

const searchableFields = (location: Location, all: readonly Location[]): Fields => {
  const fields = new Map<string, string[]>();
  const add = (name: string, value: string | number | null): void => {
    if (value === null) return;
    fields.set(name, [...(fields.get(name) ?? []), normalise(String(value))]);
  };
  if (location.kind === 'adres') {
    add('postcode', location.postcode);
    add('huisnummer', location.huisnummer);
    add('huisletter', location.huisletter);
    add('huisnummertoevoeging', location.huisnummertoevoeging);
    add('openbareruimtenaam', location.openbareruimtenaam);
    add('woonplaatsnaam', location.woonplaatsnaam);
  } else {
    add('kadastrale_gemeente', location.kadastraleGemeente);
    add('kadastrale_gemeentecode', location.kadastraleGemeentecode);
    add('sectie', location.sectie);
    add('perceelnummer', location.perceelnummer);
    for (const uuid of location.addresses) {
      const house = all.find((l) => l.uuid === uuid);
      if (house?.kind !== 'adres') continue;
      add('postcode', house.postcode);
      add('huisnummer', house.huisnummer);
      add('huisletter', house.huisletter);
      add('openbareruimtenaam', house.openbareruimtenaam);
      add('woonplaatsnaam', house.woonplaatsnaam);
    }
  }
  return fields;
};

/** Case and spaces do not matter: `1234 ab` finds `1234AB`. */
const normalise = (value: string): string => value.toLowerCase().replace(/\s+/g, '');

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const compile = (query: unknown, path: string): Matcher | string => {
  if (!isObject(query)) return `${path} must be an object`;
  const keys = Object.keys(query);
  if (keys.length !== 1) return `${path} must have exactly one of "field", "bool", "dis_max"`;
  const [kind] = keys as [string];
  const body = query[kind];
  switch (kind) {
    case 'field':
      return compileField(body, `${path}.field`);
    case 'bool':
      return compileBool(body, `${path}.bool`);
    case 'dis_max':
    case 'dis-max':
      return compileDisMax(body, `${path}.${kind}`);
    default:
      return `${path}: unknown query type "${kind}"`;
  }
};

const compileField = (body: unknown, path: string): Matcher | string => {
  if (!isObject(body)) return `${path} must be an object`;
  const { fields, query, method } = body;
  if (!Array.isArray(fields) || fields.length === 0 || !fields.every((f) => typeof f === 'string')) {
    return `${path}.fields must be a non-empty array of field names`;
  }
  if (typeof query !== 'string' && typeof query !== 'number') return `${path}.query must be a string`;
  if (method !== undefined && typeof method !== 'string') return `${path}.method must be a string`;
  const wanted = normalise(String(query));
  if (wanted === '') return `${path}.query must not be empty`;
  const names = fields as string[];
  return (located) => {
    let best: number | null = null;
    for (const name of names) {
      if (located.get(name)?.includes(wanted)) best = Math.max(best ?? 0, WEIGHTS[name] ?? DEFAULT_WEIGHT);
    }
    return best;
  };
};

const compileList = (value: unknown, path: string): Matcher[] | string => {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return `${path} must be an array of queries`;
  const out: Matcher[] = [];
  for (const [i, item] of value.entries()) {
    const m = compile(item, `${path}[${i}]`);
    if (typeof m === 'string') return m;
    out.push(m);
  }
  return out;
};

const BOOL_KEYS = ['must', 'filter', 'should', 'must_not'];

const compileBool = (body: unknown, path: string): Matcher | string => {
  if (!isObject(body)) return `${path} must be an object`;
  const unknown = Object.keys(body).filter((k) => !BOOL_KEYS.includes(k));
  if (unknown.length > 0) return `${path}: unknown clause "${unknown[0]}"`;
  const must = compileList(body['must'], `${path}.must`);
  if (typeof must === 'string') return must;
  const filter = compileList(body['filter'], `${path}.filter`);
  if (typeof filter === 'string') return filter;
  const should = compileList(body['should'], `${path}.should`);
  if (typeof should === 'string') return should;
  const mustNot = compileList(body['must_not'], `${path}.must_not`);
  if (typeof mustNot === 'string') return mustNot;
  if (must.length + filter.length + should.length + mustNot.length === 0) return `${path} has no clauses`;
  return (fields) => {
    let score = 0;
    for (const m of must) {
      const s = m(fields);
      if (s === null) return null;
      score += s;
    }
    for (const m of filter) if (m(fields) === null) return null;
    for (const m of mustNot) if (m(fields) !== null) return null;
    let shouldHits = 0;
    for (const m of should) {
      const s = m(fields);
      if (s !== null) {
        shouldHits += 1;
        score += s;
      }
    }
    // As in Elasticsearch: without must/filter, at least one should clause has to match.
    if (must.length + filter.length === 0 && should.length > 0 && shouldHits === 0) return null;
    // A pure filter/must_not query still matches; give it a token score so it is not dropped.
    return score > 0 ? score : 1;
  };
};

const compileDisMax = (body: unknown, path: string): Matcher | string => {
  if (!isObject(body)) return `${path} must be an object`;
  const queries = compileList(body['queries'], `${path}.queries`);
  if (typeof queries === 'string') return queries;
  if (queries.length === 0) return `${path}.queries must be a non-empty array`;
  const tie = body['tie_breaker'] ?? 0;
  if (typeof tie !== 'number' || tie < 0 || tie > 1) return `${path}.tie_breaker must be a number in [0, 1]`;
  return (fields) => {
    const scores = queries.map((m) => m(fields)).filter((s): s is number => s !== null);
    if (scores.length === 0) return null;
    const best = Math.max(...scores);
    return best + tie * (scores.reduce((a, b) => a + b, 0) - best);
  };
};

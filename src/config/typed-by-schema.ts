/**
 * Numbers and booleans as MLflow reads them, where a schema wants one: PyYAML's reading of a plain
 * YAML 1.1 spelling (`calls: 1_000`, `public_docs: no`; see yaml-1-1.ts), and a number or boolean
 * written as text (`calls: "10"`, `public_docs: "false"`, as Helm templates quote values), which
 * MLflow's pydantic models take for any int, float or bool. The places are those where config-schema/gateway-config.schema.json, or a plugin
 * provider's own schema for its `config`, refuses the text for a number or boolean; everything else
 * (a model name, a secret) keeps its text.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import validateConfig from '../../generated/config-validator';
import type { PluginCatalog } from '../plugins/catalog';
import type { JsonPointer } from './yaml-1-1';
import { isRecord, segmentsFromPointer, valueAt, type YamlPathSegment } from './yaml-path';

type Readings = ReadonlyMap<JsonPointer, number | boolean>;

/** `document` with each such value replaced by the number or boolean MLflow reads there. */
export function typedBySchema(document: Record<string, unknown>, readings: Readings, plugins: PluginCatalog): Record<string, unknown> {
  return withPluginConfigsTyped(typedFor(validateConfig, document, readings, '') as Record<string, unknown>, readings, plugins);
}

/** A plugin provider's `config`, typed by the schema its package ships (validated with Ajv's `verbose` too). */
function withPluginConfigsTyped(document: Record<string, unknown>, readings: Readings, plugins: PluginCatalog): Record<string, unknown> {
  if (!Array.isArray(document.endpoints) || plugins.providers.size === 0) return document;
  const endpoints = document.endpoints.map((endpoint: unknown, index) => {
    const model = isRecord(endpoint) ? endpoint.model : undefined;
    const provider = isRecord(model) && typeof model.provider === 'string' ? plugins.providers.get(model.provider) : undefined;
    if (provider === undefined || !isRecord(model) || !isRecord(model.config)) return endpoint;
    const config = typedFor(provider.validateConfig, model.config, readings, `/endpoints/${index}/model/config`);
    return config === model.config ? endpoint : { ...(endpoint as Record<string, unknown>), model: { ...model, config } };
  });
  return { ...document, endpoints };
}

/** `value` (found at `base` in the document) with the replacements `validate`'s errors call for. */
function typedFor(validate: ValidateFunction, value: unknown, readings: Readings, base: JsonPointer): unknown {
  if (validate(value)) return value;
  const replacements = (validate.errors ?? []).flatMap((error) => {
    const segments = segmentsFromPointer(error.instancePath, value);
    const typed = typedValue(valueAt(value, segments), typesWanted(error), readings.get(base + error.instancePath));
    return typed === undefined ? [] : [{ segments, typed }];
  });
  return replacements.reduce<unknown>((typedSoFar, { segments, typed }) => withValueAt(typedSoFar, segments, typed), value);
}

/** The types the schema node that refused a value allows (validators are built with Ajv's `verbose`). */
function typesWanted(error: ErrorObject): string[] {
  const type = isRecord(error.parentSchema) ? error.parentSchema.type : undefined;
  return typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((name): name is string => typeof name === 'string') : [];
}

/**
 * pydantic's lax int (pydantic-core str_as_int): a whole number, `_` allowed between digits as in
 * Python (`"1_000"`), or digits with a fraction of zeros (`"10.0"`, `"10."`; not `"1_000.0"`).
 */
const WHOLE_NUMBER = /^[-+]?(?:\d+(?:_\d+)*|\d+\.0*)$/;
/** pydantic's lax float: a decimal number with an optional exponent. */
const DECIMAL_NUMBER = /^[-+]?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][-+]?\d+)?$/;

/**
 * pydantic v2's lax bool (docs.pydantic.dev/2.3/usage/types/booleans: "a str which when converted to
 * lower case is one of '0', 'off', 'f', 'false', 'n', 'no', '1', 'on', 't', 'true', 'y', 'yes'";
 * also the integers 0 and 1). pydantic-core's str_as_bool compares without trimming spaces.
 */
const PYDANTIC_BOOLEAN_WORDS: Record<string, boolean> = {
  '0': false, off: false, f: false, false: false, n: false, no: false,
  '1': true, on: true, t: true, true: true, y: true, yes: true,
};

/** What pydantic's bool makes of a value PyYAML hands it, if it takes it. */
export function pydanticBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  if (typeof value !== 'string') return undefined;
  const word = value.toLowerCase();
  return Object.hasOwn(PYDANTIC_BOOLEAN_WORDS, word) ? PYDANTIC_BOOLEAN_WORDS[word] : undefined;
}

function typedValue(value: unknown, wanted: string[], yaml11Reading: number | boolean | undefined): number | boolean | undefined {
  const asBoolean = wanted.includes('boolean') ? pydanticBoolean(yaml11Reading ?? value) : undefined;
  if (asBoolean !== undefined) return asBoolean;
  if (typeof value !== 'string') return undefined;
  const wantsNumber = wanted.includes('number') || wanted.includes('integer');
  if (yaml11Reading !== undefined) return typeof yaml11Reading === 'number' && wantsNumber ? yaml11Reading : undefined;
  const text = value.trim();
  if (wanted.includes('integer') && WHOLE_NUMBER.test(text)) return Number(text.replace(/_/g, ''));
  if (wanted.includes('number') && DECIMAL_NUMBER.test(text)) return Number(text.replace(/_/g, ''));
  return undefined;
}

function withValueAt(node: unknown, segments: readonly YamlPathSegment[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [segment, ...rest] = segments;
  if (Array.isArray(node) && typeof segment === 'number') return node.map((item, index) => (index === segment ? withValueAt(item, rest, value) : item));
  if (isRecord(node)) return { ...node, [segment]: withValueAt(node[segment], rest, value) };
  return node;
}

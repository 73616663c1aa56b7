/**
 * Checks a real HTTP answer against what openapi/ says of its route: the status must be one the
 * operation lists (or its `default`), the media type one that response lists, and the body must
 * match that media type's schema (each `data:` of an event stream, up to `[DONE]`). It sees what the
 * response validator of the contract tests cannot: answers written before it runs (401s from
 * auth.ts, body parser errors) and the fast path's answers.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import spec from '../../generated/openapi.json';
import { parseSse } from './gateway';

interface SpecResponse {
  $ref?: string;
  content?: Record<string, { schema: unknown }>;
}

type Operation = { responses: Record<string, SpecResponse> };

const document = spec as unknown as { paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, SpecResponse>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'spec', components: document.components });
const compiled = new Map<string, ValidateFunction>();

/** A validator for a schema of the document, its local `#/components/…` references made absolute. */
function validatorOf(schema: unknown): ValidateFunction {
  const text = JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/');
  let validate = compiled.get(text);
  if (!validate) {
    validate = ajv.compile(JSON.parse(text) as object);
    compiled.set(text, validate);
  }
  return validate;
}

/** A validator for the spec's schema `components.schemas[name]`. */
export function specSchemaValidator(name: string): ValidateFunction {
  const validate = ajv.getSchema(`spec#/components/schemas/${name}`);
  if (validate === undefined) throw new Error(`openapi: no schema ${name}`);
  return validate;
}

const templates = Object.keys(document.paths).map((template) => ({ template, pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`) }));

/** Every operation of the spec, as `get /v1/models`. */
export function specOperations(): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
}

/** The spec path a request path falls under (as the gateway spells them: no query string). */
export function specTemplateOf(path: string): string | undefined {
  return templates.find(({ pattern }) => pattern.test(path.split('?')[0]))?.template;
}

function resolved(response: SpecResponse | undefined): SpecResponse | undefined {
  if (response?.$ref === undefined) return response;
  return document.components.responses[response.$ref.split('/').pop()!];
}

function schemaProblem(validate: ValidateFunction, value: unknown, where: string): string | null {
  return validate(value) ? null : `${where}: ${ajv.errorsText(validate.errors)}`;
}

/** The events a Responses API stream may end with. */
const RESPONSES_LAST_EVENTS = ['response.completed', 'response.incomplete', 'response.failed'];

/** Every way `answer` departs from the spec of `method path` (none: it matches). */
export function specProblems(answer: { method: string; path: string; status: number; contentType: string | null; text: string }): string[] {
  const template = specTemplateOf(answer.path);
  if (template === undefined) return [`${answer.path} is not a path of the spec`];
  const operation = document.paths[template][answer.method.toLowerCase()];
  if (operation === undefined) return [`${answer.method} ${template} is not in the spec`];
  const response = resolved(operation.responses[String(answer.status)] ?? operation.responses.default);
  if (response === undefined) return [`${answer.method} ${template} does not list status ${answer.status}`];
  const mediaType = (answer.contentType ?? '').split(';')[0].trim();
  const media = response.content?.[mediaType];
  if (media === undefined) return [`${answer.method} ${template} ${answer.status} does not list ${mediaType || 'an answer without a media type'}`];
  const validate = validatorOf(media.schema);
  if (mediaType === 'application/json') return [schemaProblem(validate, JSON.parse(answer.text), 'body')].filter((problem) => problem !== null);
  if (mediaType !== 'text/event-stream') return [];
  const events = parseSse(answer.text);
  // A stream ends with `[DONE]`, or after a failure with an `error` event (checked with the others);
  // a Responses stream, as OpenAI's, with its last response event.
  if (events.at(-1)?.data === '[DONE]') events.pop();
  else if (template === '/v1/responses') {
    if (!RESPONSES_LAST_EVENTS.includes(events.at(-1)?.event ?? '')) return [`the stream ends with ${events.at(-1)?.event ?? 'no event'}, not ${RESPONSES_LAST_EVENTS.join(', ')}`];
  } else if (events.at(-1)?.event !== 'error') return ['the stream ends with neither data: [DONE] nor an error event'];
  return events.map((event, index) => schemaProblem(validate, JSON.parse(event.data), `event ${index}${event.event ? ` (${event.event})` : ''}`)).filter((problem) => problem !== null);
}

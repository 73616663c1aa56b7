/**
 * The path parameter (`{response_id}`, `{name}`) a request's URL gives as text that does not decode
 * (`%FF`, a lone surrogate's `%ED%A0%80`), which Express's router refuses with a URIError that names
 * no parameter. The spec's path templates (and the limits routes') say which it is; they are read once, at load.
 */
import spec from '../../generated/openapi.json';

/** MLflow's limits routes, which the spec leaves out as MLflow hides them (routes/endpoints.ts). */
const UNLISTED_PATHS = ['/api/2.0/endpoints/limits/{endpoint}', '/api/2.0/gateway/limits/{endpoint}'];

/** Each templated path as its segments, a parameter as its name in braces. */
const TEMPLATES: readonly string[][] = [...Object.keys(spec.paths), ...UNLISTED_PATHS]
  .filter((path) => path.includes('{'))
  .map((path) => path.split('/'));

const PARAMETER = /^\{(.+)\}$/;

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** The parameter of the route `path` matches whose text does not decode, and that text; null when none does (case and a trailing slash aside). */
export function undecodableParameterOf(path: string): { name: string; text: string } | null {
  const segments = path.replace(/(.)\/$/, '$1').split('/');
  for (const template of TEMPLATES) {
    if (template.length !== segments.length) continue;
    const matches = template.every((part, index) => PARAMETER.test(part) || part.toLowerCase() === segments[index].toLowerCase());
    const index = template.findIndex((part, at) => PARAMETER.test(part) && !decodes(segments[at]));
    if (matches && index !== -1) return { name: (PARAMETER.exec(template[index]) as RegExpExecArray)[1], text: segments[index] };
  }
  return null;
}

/** The bundled OpenAPI document (generated/openapi.json), and its use for docs and validation. */
import * as OpenApiValidator from 'express-openapi-validator';
import type { RequestHandler } from 'express';
import spec from '../../generated/openapi.json';

/** The served document: the generated one without the generator's note. */
export function openapiDocument(): Record<string, unknown> {
  const { 'x-generated': _note, ...document } = structuredClone(spec) as Record<string, unknown>;
  return document;
}

// Express routes `/endpoints/x/invocations/` and other letter cases there too; so must this.
const LLM_PATHS = /^\/(endpoints|gateway)\/[^/]+\/invocations\/?$|^\/v1\//i;

/**
 * The validators are built once per process and shared by every app in it: the spec never changes,
 * and each build dereferences, checks and preprocesses the whole spec (about 0.2 s of CPU, a second
 * or more on a loaded machine), which the app's first request waited for. The parts they build
 * later (per-route Ajv validators) are built once too. Apps after the first miss only the library's
 * `app.param` hooks, which copy its decoded path parameters over Express's own: the same values,
 * both being path-to-regexp matches of the same path decoded with decodeURIComponent.
 */
let sharedRequestValidator: RequestHandler[] | undefined;
let sharedResponseValidator: RequestHandler[] | undefined;

export function requestValidator(): RequestHandler[] {
  sharedRequestValidator ??= buildRequestValidator();
  return sharedRequestValidator;
}

export function responseValidator(): RequestHandler[] {
  sharedResponseValidator ??= buildResponseValidator();
  return sharedResponseValidator;
}

/**
 * LLM request bodies are validated per endpoint type by the precompiled validators (the schema
 * of `/endpoints/{name}/invocations` depends on which endpoint `name` is), so request validation
 * here covers the other routes. Response validation is for contract tests.
 */
function buildRequestValidator(): RequestHandler[] {
  return OpenApiValidator.middleware({
    apiSpec: openapiDocument() as never,
    // MLflow's FastAPI routes ignore query parameters they do not declare (a cache-busting `?_=`, a
    // Prometheus scrape's `params:`, a client's `max_results`); so do these.
    validateRequests: { allowUnknownQueryParameters: true },
    validateResponses: false,
    // The spec's security documents the client keys for /docs; auth.ts checks them (and knows when they are needed).
    validateSecurity: false,
    ignoreUndocumented: true,
    ignorePaths: LLM_PATHS,
  }) as unknown as RequestHandler[];
}

function buildResponseValidator(): RequestHandler[] {
  return OpenApiValidator.middleware({
    apiSpec: openapiDocument() as never,
    validateRequests: false,
    validateResponses: true,
    validateSecurity: false,
    ignoreUndocumented: true,
  }) as unknown as RequestHandler[];
}

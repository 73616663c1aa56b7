/**
 * How Express matches a request path to a route: in any letter case, with or without one trailing
 * slash. Code that decides something from the path before (or without) Express's routing uses the
 * same rule, so `/Health/` is the `/health` route everywhere.
 */

/** The path as Express compares it to route paths: lower case, without a trailing slash. */
export function routedSpelling(path: string): string {
  const lower = path.toLowerCase();
  return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
}

/** Finds the spec path (`/endpoints/{name}/invocations`) a request path falls under. */
export type RouteTemplateMatcher = (path: string) => string | undefined;

/** Matches request paths to the spec's path templates as Express routes them. */
export function routeTemplateMatcher(templates: readonly string[]): RouteTemplateMatcher {
  const patterns = templates.map((template) => {
    const escaped = routedSpelling(template).replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+');
    return { template, pattern: new RegExp(`^${escaped}$`) };
  });
  return (path) => {
    const spelling = routedSpelling(path);
    return patterns.find(({ pattern }) => pattern.test(spelling))?.template;
  };
}

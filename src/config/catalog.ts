/**
 * What a client may see of a config: the management views (`/api/2.0/endpoints/`, the legacy
 * routes) and the `/v1/models` list. A client key limited to some endpoints and routes sees only
 * those, cut at config load so that the list routes only page through a ready list.
 */
import type { EndpointView, LegacyRouteView, ModelView } from '../schema';

export interface Catalog {
  /** In config order, for the list APIs. */
  endpointViews: readonly EndpointView[];
  legacyViews: readonly LegacyRouteView[];
  /** Endpoints, then traffic routes, as `GET /v1/models` lists them. */
  models: readonly ModelView[];
}

/** The names a client may pass as an endpoint, a traffic route or a `model`. */
export function catalogNames(catalog: Catalog): ReadonlySet<string> {
  return new Set(catalog.models.map((model) => model.id));
}

/** The part of `catalog` a client allowed on `allowed` sees (all of it for null: no restriction). */
export function catalogFor(catalog: Catalog, allowed: ReadonlySet<string> | null): Catalog {
  if (allowed === null) return catalog;
  return {
    endpointViews: catalog.endpointViews.filter((view) => allowed.has(view.name)),
    legacyViews: catalog.legacyViews.filter((view) => allowed.has(view.name)),
    models: catalog.models.filter((model) => allowed.has(model.id)),
  };
}

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

/**
 * Picks the part of `catalog` a client allowed on `allowed` sees (all of it for null: no
 * restriction). The catalog is indexed by name once, so that each key costs the names it lists
 * rather than a pass over every endpoint (thousands of endpoints times hundreds of keys).
 */
export function catalogPicker(catalog: Catalog): (allowed: ReadonlySet<string> | null) => Catalog {
  const endpointPositions = positionsByName(catalog.endpointViews.map((view) => view.name));
  const legacyPositions = positionsByName(catalog.legacyViews.map((view) => view.name));
  const modelPositions = positionsByName(catalog.models.map((model) => model.id));
  return (allowed) => {
    if (allowed === null) return catalog;
    return {
      endpointViews: inCatalogOrder(catalog.endpointViews, endpointPositions, allowed),
      legacyViews: inCatalogOrder(catalog.legacyViews, legacyPositions, allowed),
      models: inCatalogOrder(catalog.models, modelPositions, allowed),
    };
  };
}

function positionsByName(names: readonly string[]): ReadonlyMap<string, number[]> {
  const positions = new Map<string, number[]>();
  names.forEach((name, position) => positions.set(name, [...(positions.get(name) ?? []), position]));
  return positions;
}

/** The items named in `allowed`, in the order the catalog lists them. */
function inCatalogOrder<Item>(items: readonly Item[], positions: ReadonlyMap<string, number[]>, allowed: ReadonlySet<string>): Item[] {
  return [...allowed]
    .flatMap((name) => positions.get(name) ?? [])
    .sort((a, b) => a - b)
    .map((position) => items[position]);
}

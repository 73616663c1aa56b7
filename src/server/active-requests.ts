/**
 * `http_server_active_requests`: the HTTP requests being served, OpenTelemetry's
 * `http.server.active_requests` (https://opentelemetry.io/docs/specs/semconv/http/http-metrics/), by
 * `http_request_method` as `http_server_request_duration_seconds` labels it. Its conventions give it
 * no `http.route`: the route is known only once the request has been routed, and a gauge must be
 * taken down under the labels it was put up with. Nor `url.scheme`, which the duration histogram
 * leaves out too: the gateway serves plain HTTP.
 *
 * Up when the request log's middleware gets the request, down on its response's 'close' (request-log.ts),
 * which node emits once for every response: answered, refused, or cut by the client or a shutdown.
 * Under `--workers` the primary sums the live workers' (cluster-metrics.ts); a dead worker's requests
 * are gone with it, and so are its series.
 */
import { GaugeFamily } from './metric-families';
import { methodLabel } from './method-label';
import { registry } from './metrics';

const activeRequests = new GaugeFamily({
  name: 'http_server_active_requests',
  help: 'HTTP requests being served: from their arrival until their response closed (sent, or cut short).',
  labelNames: ['http_request_method'] as const,
  registers: [registry],
});

type ActiveLabels = Readonly<{ http_request_method: string }>;

/** One label object per method label (HTTP's nine and `_OTHER`), so that counting a request allocates nothing. */
const labelsByMethod = new Map<string, ActiveLabels>();

/** The labels a request is counted under while it is served; the same object goes to `requestEnded`. */
export function activeRequestLabels(method: string): ActiveLabels {
  const label = methodLabel(method);
  let labels = labelsByMethod.get(label);
  if (labels === undefined) {
    labels = { http_request_method: label };
    labelsByMethod.set(label, labels);
  }
  return labels;
}

/** A request arrived. */
export function requestStarted(labels: ActiveLabels): void {
  activeRequests.add(labels, 1);
}

/** Its response closed: once per `requestStarted`. */
export function requestEnded(labels: ActiveLabels): void {
  activeRequests.add(labels, -1);
}

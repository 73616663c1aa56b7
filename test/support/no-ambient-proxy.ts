/**
 * Jest setup: tests reach only their own servers on 127.0.0.1, so an outbound proxy set in the
 * developer's environment (HTTP_PROXY and the like) must not be used by the gateways they start.
 * Tests of proxies set the variables they need themselves (`withProxyVariables`).
 */
import { clearProxyVariables } from './proxy-environment';

clearProxyVariables();

import { proxyFor, proxyLabel } from '../../../src/providers/transport/egress-proxy';
import { withProxyVariables } from '../../support/proxy-environment';

/** `proxyFor(url)` with only these proxy variables set. */
function proxyWith(variables: Record<string, string>, url: string): Promise<string | null> {
  return withProxyVariables(variables, () => proxyFor(url));
}

test('the proxy for the scheme, in either letter case, else ALL_PROXY; none when unset', async () => {
  expect(await proxyWith({}, 'https://api.openai.com')).toBeNull();
  expect(await proxyWith({ HTTPS_PROXY: 'http://proxy:3128' }, 'https://api.openai.com')).toBe('http://proxy:3128');
  expect(await proxyWith({ https_proxy: 'http://lower:3128' }, 'https://api.openai.com')).toBe('http://lower:3128');
  expect(await proxyWith({ HTTPS_PROXY: 'http://proxy:3128' }, 'http://tgi.internal:8080')).toBeNull();
  expect(await proxyWith({ HTTP_PROXY: 'http://plain:3128' }, 'http://tgi.internal:8080')).toBe('http://plain:3128');
  expect(await proxyWith({ ALL_PROXY: 'http://all:3128' }, 'https://api.openai.com')).toBe('http://all:3128');
});

test('NO_PROXY: exact hosts, domain suffixes, ports, and * for every host', async () => {
  const proxy = { HTTPS_PROXY: 'http://proxy:3128', HTTP_PROXY: 'http://proxy:3128' };
  expect(await proxyWith({ ...proxy, NO_PROXY: 'localhost,127.0.0.1' }, 'http://127.0.0.1:8080')).toBeNull();
  expect(await proxyWith({ ...proxy, NO_PROXY: '.internal.example' }, 'https://llm.internal.example')).toBeNull();
  expect(await proxyWith({ ...proxy, NO_PROXY: '.internal.example' }, 'https://api.openai.com')).toBe('http://proxy:3128');
  expect(await proxyWith({ ...proxy, NO_PROXY: 'tgi.internal:9000' }, 'http://tgi.internal:8080')).toBe('http://proxy:3128');
  expect(await proxyWith({ ...proxy, NO_PROXY: '*' }, 'https://api.openai.com')).toBeNull();
});

test('a proxy that is not an http(s) URL is refused without being quoted', async () => {
  const refuse = (value: string) => proxyWith({ HTTPS_PROXY: value }, 'https://api.openai.com');
  const message = 'the outbound proxy set for https://api.openai.com (by HTTPS_PROXY) is not an http:// or https:// URL';
  await expect(refuse('socks5://user:secret@proxy:1080')).rejects.toThrow(new Error(message));
  await expect(refuse('http://[bad')).rejects.toThrow(new Error(message));
  // Without a scheme, http:// is assumed, as curl does.
  expect(await proxyWith({ HTTPS_PROXY: 'proxy.corp:3128' }, 'https://api.openai.com')).toBe('http://proxy.corp:3128');
  expect(await proxyWith({ HTTPS_PROXY: 'https://proxy.corp:3129' }, 'https://api.openai.com')).toBe('https://proxy.corp:3129');
});

test('a refused proxy is said to come from the variable actually set, in its own letter case, never with its value', async () => {
  const refusal = (variables: Record<string, string>, url: string) => proxyWith(variables, url).then(
    () => 'accepted',
    (error: Error) => error.message,
  );
  const notHttp = (origin: string, name: string) => `the outbound proxy set for ${origin} (by ${name}) is not an http:// or https:// URL`;
  const socks = 'socks5://gateway:s3cret-PROXY@proxy:1080';
  expect(await refusal({ HTTPS_PROXY: socks }, 'https://api.openai.com')).toBe(notHttp('https://api.openai.com', 'HTTPS_PROXY'));
  expect(await refusal({ https_proxy: socks, HTTPS_PROXY: 'http://proxy:3128' }, 'https://api.openai.com')).toBe(notHttp('https://api.openai.com', 'https_proxy'));
  expect(await refusal({ HTTP_PROXY: socks, HTTPS_PROXY: 'http://proxy:3128' }, 'http://tgi.internal:8080')).toBe(notHttp('http://tgi.internal:8080', 'HTTP_PROXY'));
  expect(await refusal({ all_proxy: socks }, 'https://api.openai.com')).toBe(notHttp('https://api.openai.com', 'all_proxy'));
  expect(await refusal({ ALL_PROXY: 'http://gateway:100%s3cret@proxy:3128' }, 'https://api.openai.com')).toBe(
    'the outbound proxy set for https://api.openai.com (by ALL_PROXY) has a user name or password that is not percent-encoded (write % as %25)',
  );
});

test('proxyLabel names the proxy without its credentials', () => {
  expect(proxyLabel('http://gateway:s3cret@proxy.corp:3128')).toBe('http://proxy.corp:3128');
  expect(proxyLabel('https://proxy.corp')).toBe('https://proxy.corp');
});

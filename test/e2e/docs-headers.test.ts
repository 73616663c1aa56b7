/**
 * `/docs` (Swagger UI) over real HTTP: the page and its assets cannot be framed by another site
 * (its Authorize dialog takes a client key), and the Content-Security-Policy they are sent with
 * allows everything the page itself loads: scripts only as same-origin files, inline styles, and the
 * stylesheet's data: images.
 */
import { startGateway, type RunningGateway } from '../support/gateway';

const CONFIG = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: mock-chat }
`;

let gateway: RunningGateway;
beforeAll(async () => {
  gateway = await startGateway(CONFIG);
});
afterAll(() => gateway.close());

async function get(path: string) {
  const response = await fetch(`${gateway.url}${path}`, { redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** `script-src 'self'; …` → { 'script-src': ["'self'"], … } */
function directives(policy: string | null): Record<string, string[]> {
  const entries = (policy ?? '').split(';').map((directive) => directive.trim().split(/\s+/));
  return Object.fromEntries(entries.filter(([name]) => name !== '').map(([name, ...sources]) => [name, sources]));
}

const isSameOrigin = (url: string) => !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);

const DOCS_PATHS = ['/docs/', '/docs/swagger-ui-init.js', '/docs/swagger-ui-bundle.js', '/docs/swagger-ui-standalone-preset.js', '/docs/swagger-ui.css', '/docs/favicon-32x32.png'];

test.each(DOCS_PATHS)('%s cannot be framed, is not type-sniffed and has the docs policy', async (path) => {
  const { status, headers } = await get(path);
  expect(status).toBe(200);
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  const policy = directives(headers.get('content-security-policy'));
  expect(policy['frame-ancestors']).toEqual(["'none'"]);
  expect(policy['object-src']).toEqual(["'none'"]);
});

test("the page's scripts are same-origin files (no inline script, which script-src 'self' would block); its inline styles are allowed", async () => {
  const page = await get('/docs/');
  const policy = directives(page.headers.get('content-security-policy'));
  expect(policy['script-src']).toEqual(["'self'"]);
  const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes, body]) => ({ src: /src=["']([^"']+)["']/.exec(attributes)?.[1], body: body.trim() }));
  expect(scripts.map((script) => script.src)).toEqual(['./swagger-ui-bundle.js', './swagger-ui-standalone-preset.js', './swagger-ui-init.js']);
  expect(scripts.every((script) => script.body === '')).toBe(true);
  // Swagger UI's page has <style> blocks and style attributes: allowed by 'unsafe-inline', for styles only.
  expect(page.text).toMatch(/<style>/);
  expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  const stylesheets = [...page.text.matchAll(/<link[^>]*href=["']([^"']+)["']/g)].map(([, href]) => href);
  expect(stylesheets.length).toBeGreaterThan(0);
  expect(stylesheets.every(isSameOrigin)).toBe(true);
});

test('the init script is served as JavaScript (nosniff refuses a script of another type) and holds the spec, not a remote URL', async () => {
  const init = await get('/docs/swagger-ui-init.js');
  expect(init.headers.get('content-type')).toMatch(/^application\/javascript/);
  expect(init.text).toContain('/v1/chat/completions');
});

test("every image the stylesheet loads is a data: URL, which img-src allows; 'Try it out' calls only the gateway", async () => {
  const css = await get('/docs/swagger-ui.css');
  expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  const urls = [...css.text.matchAll(/url\(\s*["']?([^"')]+)/g)].map(([, url]) => url);
  expect(urls.length).toBeGreaterThan(0);
  expect(urls.filter((url) => !url.startsWith('data:') && !isSameOrigin(url))).toEqual([]);
  const policy = directives(css.headers.get('content-security-policy'));
  expect(policy['img-src']).toEqual(expect.arrayContaining(["'self'", 'data:']));
  expect(policy['connect-src']).toEqual(["'self'"]);
});

test('the API routes do not get the docs policy', async () => {
  const health = await get('/health');
  expect(health.headers.get('content-security-policy')).toBeNull();
});

test("the package.json Swagger UI's files hide is a 404 with a JSON body, as the gateway's other 404s (it was plain text)", async () => {
  for (const path of ['/docs/package.json', '/docs/dist/package.json']) {
    const { status, headers, text } = await get(path);
    expect({ status, type: headers.get('content-type'), body: JSON.parse(text) }).toEqual({ status: 404, type: 'application/json; charset=utf-8', body: { detail: 'Not Found' } });
  }
});

/** Reading Prometheus text in tests. */
import { request as httpRequest } from 'node:http';

/** `GET /metrics` on a connection of its own (under --workers, any worker may answer). */
export function scrape(url: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    httpRequest(`${url}/metrics`, { agent: false }, (response) => {
      let body = '';
      response.on('data', (part: Buffer) => (body += part.toString()));
      response.on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

/** The value of one sample, e.g. `sample(text, 'x_total', { endpoint: 'a' })`; labels must match exactly. */
export function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = (match[2] ?? '').split(/,(?=[a-zA-Z_]\w*=")/).filter(Boolean).sort().join(',');
    if (found === wanted) return Number(match[3]);
  }
  return undefined;
}

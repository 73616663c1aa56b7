/** What the CLI tests (test/e2e/cli-*.test.ts) start the gateway on: config files in a folder of the file's own. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A mock completions endpoint whose answers take 150 ms a piece: a stream is in flight for a while. */
export const SLOW_CONFIG = `
endpoints:
  - name: slow
    endpoint_type: llm/v1/completions
    model:
      provider: mock
      config: { latency_ms: 150 }
`;

/** A fresh folder, and how a test writes config file `name` (of `text`) in it: its path. */
export function configFolder(prefix: string): { directory: string; writeConfig: (name: string, text: string) => string } {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  return {
    directory,
    writeConfig: (name, text) => {
      const path = join(directory, name);
      writeFileSync(path, text);
      return path;
    },
  };
}

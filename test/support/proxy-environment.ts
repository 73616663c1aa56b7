/** The outbound-proxy environment variables, for tests that set them (and the setup that clears them). */
const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY'].flatMap((name) => [name, name.toLowerCase()]);

export function clearProxyVariables(): void {
  for (const name of PROXY_VARIABLES) delete process.env[name];
}

/** Runs `action` with exactly these proxy variables set, then restores the ones before. */
export async function withProxyVariables<T>(variables: Record<string, string>, action: () => T | Promise<T>): Promise<T> {
  const saved = PROXY_VARIABLES.map((name) => [name, process.env[name]] as const);
  clearProxyVariables();
  Object.assign(process.env, variables);
  try {
    return await action();
  } finally {
    clearProxyVariables();
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
  }
}

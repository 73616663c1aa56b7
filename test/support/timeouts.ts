/** Upstream timeouts (milliseconds) for provider endpoints built directly in unit tests. */
export const TEST_TIMEOUTS = { connect: 10_000, headers: 30_000, body: 30_000 } as const;

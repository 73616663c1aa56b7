/** One problem in a config file, located by its YAML path, e.g. `endpoints[1].model.provider`. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/** A config file that cannot be served. The message lists the file and every issue. */
export class ConfigError extends Error {
  readonly filePath: string;
  readonly issues: ConfigIssue[];

  /** Keys the file sets that nothing reads: not why it is refused, but often the same slip (a typo, an indentation). */
  readonly ignoredKeys: ConfigIssue[];

  constructor(filePath: string, issues: ConfigIssue[], ignoredKeys: ConfigIssue[] = []) {
    super(formatConfigIssues(filePath, issues, ignoredKeys));
    this.name = 'ConfigError';
    this.filePath = filePath;
    this.issues = issues;
    this.ignoredKeys = ignoredKeys;
  }
}

const issueLine = (issue: ConfigIssue): string => (issue.path ? `  ${issue.path}: ${issue.message}` : `  ${issue.message}`);

function formatConfigIssues(filePath: string, issues: ConfigIssue[], ignoredKeys: ConfigIssue[]): string {
  const message = `Invalid gateway configuration in ${filePath}:\n${issues.map(issueLine).join('\n')}`;
  if (ignoredKeys.length === 0) return message;
  return `${message}\nIt also sets keys the gateway does not read (ignored, but perhaps part of the same mistake):\n${ignoredKeys.map(issueLine).join('\n')}`;
}

/**
 * Config keys that look like secrets: a key pasted where a key's name goes (`sk-proj-…:` under
 * `config:`) or written into the name (`openai_api_key_sk-proj-…: x`). Config messages name keys
 * (an unknown key's warning, a config error's path, a repeated key), and these lines are printed and
 * logged, so such a key is shown by its first characters only, with the reason.
 */
import { quoted } from './quoted';

/**
 * A vendor's key prefix at the start or after a separator (OpenAI and Anthropic `sk-`, AWS `AKIA` /
 * `ASIA`, Google `AIza`, Hugging Face `hf_`, Groq `gsk_`, GitHub `ghp_`), followed by a long tail.
 */
const VENDOR_KEY = /(?:^|[^A-Za-z0-9])(?:sk-|AKIA|ASIA|AIza|hf_|gsk_|ghp_)([A-Za-z0-9_-]{16,})/;

/** An unbroken run of token characters: config names are short words joined by `_` or `-`. */
const TOKEN_RUN = /[A-Za-z0-9+/=]{16,}/g;

/** How many leading characters of such a key are shown. */
const SHOWN_CHARACTERS = 4;

export function looksLikeSecret(key: string): boolean {
  // The tail must hold a digit or a capital: `hf_server_url_fallback` is a name, not a token.
  const tail = VENDOR_KEY.exec(key)?.[1];
  if (tail !== undefined && /[0-9A-Z]/.test(tail)) return true;
  // A random token of 16 characters or more almost always has a digit; a word of 32 is no name either.
  return (key.match(TOKEN_RUN) ?? []).some((run) => run.length >= 32 || /[0-9]/.test(run));
}

/** How messages name a key that looks like a secret; null for any other key (shown whole). */
export function secretLikeKeyLabel(key: string): string | null {
  if (!looksLikeSecret(key)) return null;
  return `key starting ${JSON.stringify(key.slice(0, SHOWN_CHARACTERS))} (not shown whole: it looks like a secret)`;
}

/**
 * How messages quote a value refused where no secret belongs (an enum such as `openai_api_type`, a
 * provider name), into which a key may still be pasted by mistake: whole, or by its first characters
 * when it looks like a secret.
 */
export function quotedValue(value: string): string {
  return looksLikeSecret(value) ? `a value starting ${JSON.stringify(value.slice(0, SHOWN_CHARACTERS))} (not shown whole: it looks like a secret)` : quoted(value);
}

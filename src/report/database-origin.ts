import type { UrlOrigin } from '../config/sources';

/** Where the URL came from, in words: `from DATABASE_URL in .env`. */
export function describeUrlOrigin(origin: UrlOrigin): string {
  switch (origin.kind) {
    case 'flag':
      return `from ${origin.flag ?? '--url'}`;
    case 'environment':
      return 'from DATABASE_URL in the environment';
    case 'dotenv':
      return `from DATABASE_URL in ${origin.file}`;
    case 'config':
      return `from "url" in ${origin.file}`;
    case 'data-source':
      return `from the connection of ${origin.file}`;
    case 'default':
      return 'the default: no --url, DATABASE_URL, config file or data source names one';
  }
}

/**
 * The line that says which database a run talks to and where that came from, printed on stderr before connecting,
 * so a surprising target (a stale `.env`, the default) shows before anything else. `redacted` carries no password.
 */
export function renderDatabaseOrigin(redacted: string, origin: UrlOrigin): string {
  return `Database: ${redacted} (${describeUrlOrigin(origin)})\n`;
}

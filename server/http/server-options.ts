import { type FastifyServerOptions, LogController } from 'fastify';
import type { ServerConfig } from '../config.ts';
import { LOG_REDACT_PATHS } from './log-redaction.ts';

/** Where log lines go instead of stdout (one JSON line per write). */
export interface LogStream {
  write: (line: string) => void;
}

/** A hop count trusts that many proxies in front of us (Fastify's types lack its number form). */
function trustProxyOption(trust: ServerConfig['trustProxy']): FastifyServerOptions['trustProxy'] {
  if (typeof trust !== 'number') return trust;
  return (_address, hop) => hop < trust;
}

/**
 * How the Fastify server itself is set up: logging, limits and timeouts.
 * `logStream` replaces stdout (tests capture the log lines with it).
 */
export function serverOptions(
  config: Pick<ServerConfig, 'logLevel' | 'trustProxy'>,
  logStream?: LogStream,
): FastifyServerOptions {
  return {
    logger: {
      level: config.logLevel,
      redact: { paths: [...LOG_REDACT_PATHS] },
      ...(logStream ? { stream: logStream } : {}),
    },
    // One line per request drowns the console at info; debug and trace keep them.
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(config.logLevel) }),
    // Push batches are bounded by count; this bounds them by size too.
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: trustProxyOption(config.trustProxy),
    // A body with __proto__ or constructor.prototype is refused (400), never parsed into a prototype change.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // A client that trickles its request (slowloris) is cut off; a 2 MB push arrives well within this.
    requestTimeout: 30_000,
    // Idle sockets are closed; WebSockets are unaffected (ws clears the timeout after the upgrade).
    connectionTimeout: 120_000,
    // On close, idle keep-alive sockets go at once; busy ones after their answer.
    forceCloseConnections: 'idle',
  };
}

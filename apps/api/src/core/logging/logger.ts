import type { LoggerService } from '@nestjs/common';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The api's one pino logger: Fastify's own request logger (each request's child carries `reqId`) and, through
 * `NestPinoLogger`, Nest's. JSON lines on stdout. Request logging is Fastify's built-in rather than an HTTP
 * middleware: a middleware runs on every request through Nest's middleware runner, which cost a third of a
 * request's CPU (BENCHMARKS.md, "API overhead").
 */
export function createApiLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      // Never log secrets: credentials travel in headers and bodies; bodies are never logged, these headers are cut.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'],
      serializers: {
        req: (req: FastifyRequest) => ({ id: req.id, method: req.method, url: req.url }),
        res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}

/**
 * Fastify's request log lines, our way: ONE line per answered request ("request completed", method, url, status,
 * time — as pino-http wrote it), none when it arrives; probes (/health/…) are not logged; server errors are
 * logged as errors. At a level above `info` these calls are no-ops.
 */
export class ApiLogController extends LogController {
  override incomingRequest(): void {
    // The completion line says everything: one line per request.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (request.url.startsWith('/health/')) return;
    const line = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 };
    if (error || reply.statusCode >= 500) reply.log.error(error ? { ...line, err: error } : line, 'request completed');
    else reply.log.info(line, 'request completed');
  }
}

/** Nest's logger interface over the same pino logger (start-up lines, and `new Logger(context)` in services). */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest passes the context (the class name) last; an error's stack may come before it. */
  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    if (message instanceof Error) this.logger[level]({ context, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...(message as object) });
    else this.logger[level]({ context }, String(message));
  }
}

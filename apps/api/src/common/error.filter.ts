import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ERROR_STATUS, ErrorCode } from './errors';

const STATUS_CODE: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/** Maps every error to the one error body; never leaks stack traces or SQL. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const error = this.toDomainError(exception);
    if (error.code === 'INTERNAL') {
      this.log.error({ err: exception, requestId: req.id }, 'unhandled error');
    }
    if (error.extra.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.extra.retryAfterSeconds));
    if (res.headersSent) return;
    res.status(error.status).json({
      error: {
        code: error.code,
        message: error.message,
        requestId: String(req.id ?? ''),
        ...(error.extra.fields ? { fields: error.extra.fields } : {}),
        ...(error.extra.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.extra.retryAfterSeconds } : {}),
      },
    });
  }

  private toDomainError(e: unknown): DomainError {
    if (e instanceof DomainError) return e;
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const code = STATUS_CODE[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
      const message = status === 404 ? 'No such route' : status >= 500 ? 'Something went wrong on our side' : e.message;
      return new DomainError(code, message);
    }
    // body-parser errors carry a status and a type.
    const bodyError = e as { status?: number; type?: string };
    if (bodyError?.type === 'entity.parse.failed') return new DomainError('BAD_REQUEST', 'The request body is not valid JSON');
    if (bodyError?.type === 'entity.too.large') return new DomainError('PAYLOAD_TOO_LARGE', 'The request body is too large');
    if (bodyError?.type === 'encoding.unsupported' || bodyError?.type === 'charset.unsupported') {
      return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported request encoding');
    }
    if (typeof bodyError?.status === 'number' && bodyError.status >= 400 && bodyError.status < 500) {
      return new DomainError(STATUS_CODE[bodyError.status] ?? 'BAD_REQUEST', 'The request could not be read');
    }
    return new DomainError('INTERNAL', 'Something went wrong on our side; it has been logged');
  }
}

export { ERROR_STATUS };

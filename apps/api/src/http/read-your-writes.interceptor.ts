import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, from, switchMap } from 'rxjs';
import { ReadModels } from '@commons/application';
import { LedgerRequest } from '../auth/principal';

const POSITION = /^\d{1,15}$/;

/** `?minPosition=N` on a GET answers only once the read models include position N (or 503). */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(private readonly readModels: ReadModels) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<LedgerRequest>();
    const wanted = (request.query as Record<string, unknown> | undefined)?.minPosition;
    if (request.method !== 'GET' || wanted === undefined) return next.handle();
    if (typeof wanted !== 'string' || !POSITION.test(wanted)) {
      throw new BadRequestException('minPosition must be a whole number');
    }
    return from(this.readModels.reach(Number(wanted))).pipe(switchMap(() => next.handle()));
  }
}

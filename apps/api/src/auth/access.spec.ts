import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { CONTROLLERS } from '../app.module';
import { ACCESS, AccessRule } from './access.decorator';

/** Every route of every controller, with the access rule it declares (or undefined). */
function routes(): Array<{ route: string; rule: AccessRule | undefined }> {
  return CONTROLLERS.flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = controller.prototype as unknown as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor' && Reflect.hasMetadata(PATH_METADATA, prototype[name] as object))
      .map((name) => {
        const handler = prototype[name] as object;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        return {
          route: `${method} /${base}/${String(Reflect.getMetadata(PATH_METADATA, handler))}`.replace(/\/+/g, '/'),
          rule: Reflect.getMetadata(ACCESS, handler) ?? Reflect.getMetadata(ACCESS, controller),
        };
      });
  });
}

describe('access declarations (deny by default)', () => {
  it('finds the routes of the API', () => {
    expect(routes().map((r) => r.route)).toEqual(
      expect.arrayContaining(['POST /hubs/', 'POST /hubs/:hubId/timebank/transfers', 'GET /health']),
    );
  });

  it.each(routes().map((r) => [r.route, r.rule] as const))('%s declares who may call it', (_route, rule) => {
    expect(rule).toBeDefined();
    expect(rule!.public === true || (rule!.callers?.length ?? 0) > 0 || rule!.self !== undefined).toBe(true);
  });

  it('keeps public only the routes API.md names, and readiness beside liveness', () => {
    const open = routes().filter((r) => r.rule?.public).map((r) => r.route);
    expect(open.sort()).toEqual(['GET /health', 'GET /health/ready', 'GET /metrics']);
  });
});

/** Injection tokens of the HTTP edge. */
export const ADMIN_TOKEN = Symbol('AdminToken');
export const SERVICE_CONFIG = Symbol('ServiceConfig');
export const THROTTLER_STORAGE = Symbol('ThrottlerStorage');

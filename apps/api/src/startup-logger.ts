import { ConsoleLogger } from '@nestjs/common';

/** Nest's own start-up chatter: every module, route and "successfully started", said before the port is even bound. */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/**
 * The service's console: its own lines, warnings and errors, but not Nest's routine start-up
 * lines, so that what an operator reads at start is where the service listens, once it does.
 */
export class StartupLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context !== undefined && FRAMEWORK_CONTEXTS.has(context)) return;
    super.log(message, context);
  }
}

export * from './event-store';
export * from './canonical-json';
export * from './hash-chain';
export * from './sqlite/sqlite-event-store';
export * from './audit/verify';
export * from './esdb/esdb-event-store';
export * from './migrate';
export * from './private-file';

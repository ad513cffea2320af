/** One runner for every level: *.spec.ts (pure), *.int.spec.ts (real SQLite), *.e2e.spec.ts (real HTTP). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/tests'],
  testMatch: ['**/*.spec.ts'],
  // transpile only (isolatedModules): `npm test` type-checks everything with tsc beforehand
  transform: { '^.+\\.(ts|js)$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  moduleNameMapper: {
    '^@commons/(domain|event-store|application|projections)$': '<rootDir>/libs/$1/src',
    '^@commons/(domain|event-store|application|projections)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  // the PostgreSQL suites are part of every run: no server, no pass
  globalSetup: '<rootDir>/tests/support/postgres.global-setup.ts',
  testTimeout: 60000,
};

/** Jest runs TypeScript through ts-jest in transpile-only mode; `npm test` type-checks with tsc first. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  /** The emulator tests run apart, in `npm run test:deploy`. */
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/emulators/"],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  globalSetup: "<rootDir>/test/setup/global-setup.ts",
  globalTeardown: "<rootDir>/test/setup/global-teardown.ts",
  /**
   * A test's bound. The heaviest integration tests (a consultant's removal, the reminder plan over
   * Firestore) take 9–14 s alone on a machine four times slower than most, and went past 20 s there
   * beside the other tests.
   */
  testTimeout: 60000,
  maxWorkers: 2,
  /**
   * A worker that holds more than this after a test file is replaced before the next one, so a heavy
   * file late in the run (the dialogue diagram's walk) starts in a fresh process. A clean-clone run once
   * had that walk take minutes instead of 45 s in a worker that had run 48 files before it.
   */
  workerIdleMemoryLimit: "700MB",
};

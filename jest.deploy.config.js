/** `npm run test:deploy`: the deploy unit and the console (Hosting, Auth) in Firebase's emulators (test/emulators), one file at a time. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/emulators"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  testTimeout: 60000,
  maxWorkers: 1,
};

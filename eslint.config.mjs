// ESLint (flat config): typescript-eslint's type-aware recommended rules over every TypeScript file.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "functions/lib/",
      "console/dist/",
      "functions/node_modules/",
      ".ci/",
      ".local/",
      "bench/tmp/",
      "coverage/",
      "**/*.js",
      "**/*.mjs",
      "**/*.cjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
      // A pattern written as "…${SHI}…" instead of `…${SHI}…` matches the literal text: it once hid
      // a family of the crisis detector's readings.
      "no-template-curly-in-string": "error",
      // The Firestore client and its auth library are loaded on first use, with a synchronous
      // require inside the factory, so that loading the webhook's module stays light at cold
      // start (an `await import()` would make every factory async). resvg, which draws the 振り返りシート,
      // is loaded the same way on the first sheet drawn, and the console's firebase-admin
      // Authentication on the console's first request. Only these may be required.
      "@typescript-eslint/no-require-imports": [
        "error",
        {
          allow: [
            "^@google-cloud/firestore$",
            "^google-auth-library$",
            "^@resvg/resvg-js$",
            "^firebase-admin/app$",
            "^firebase-admin/auth$",
          ],
        },
      ],
    },
  },
  {
    // Jest's asymmetric matchers (`expect.any(Number)`, `expect.stringContaining(…)`) are typed
    // as returning `any`, and they are written into the expected objects by design.
    files: ["test/**/*.test.ts"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
);

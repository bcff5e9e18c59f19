// ESLint for the chart's browser modules (assets/js) and their Node unit tests (tests/js).
// .ci/run runs it: npm ci, then npx --no-install eslint.
import js from "@eslint/js";
import globals from "globals";

const PRIVATE = "plotly.js's private state: go through assets/js/plot_area.js";

export default [
  { ignores: ["assets/vendor/", "benchmarks/", ".venv/", "node_modules/"] },
  js.configs.recommended,
  {
    files: ["assets/js/**/*.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.browser } },
    rules: {
      eqeqeq: "error",
      "no-var": "error",
      "prefer-const": "error",
      "no-restricted-properties": ["error",
        { property: "_fullLayout", message: PRIVATE },
        { property: "_size", message: PRIVATE },
        { property: "l2p", message: PRIVATE }],
    },
  },
  { files: ["assets/js/plot_area.js"], rules: { "no-restricted-properties": "off" } },
  {
    files: ["tests/js/**/*.mjs", "eslint.config.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
    rules: { eqeqeq: "error", "no-var": "error", "prefer-const": "error" },
  },
];

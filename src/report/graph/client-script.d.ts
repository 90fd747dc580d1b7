/**
 * The HTML diagram's browser script (client/main.ts), bundled by esbuild into one string. The module is
 * generated: scripts/bundle-client.js writes it into dist/ at build time, serves it to the CLI bundle,
 * and vitest.config.ts serves it to tests.
 */
export declare const HTML_CLIENT_SCRIPT: string;

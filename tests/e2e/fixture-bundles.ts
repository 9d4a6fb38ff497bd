/** Builds the fixture pages that need a bundler (the React app), into .output/e2e-fixtures/. */
import { build } from 'esbuild';

export const GENERATED_DIR = '.output/e2e-fixtures';

export async function buildFixtureBundles(): Promise<void> {
  await build({
    entryPoints: ['tests/e2e/pages/react/app.js'],
    outfile: `${GENERATED_DIR}/react-app.js`,
    bundle: true,
    minify: true,
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
}

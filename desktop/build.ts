// Builds the browser code under desktop/ into dist/desktop/: every `desktop/<path>/main.ts` becomes the plain
// script `dist/desktop/<path>.js` (an IIFE, no module loader), because gadgets load the Finesse library and the
// gadget features with ordinary <script> tags, as Finesse serves them.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const DESKTOP = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(DESKTOP, '..', 'dist', 'desktop');

/** `desktop/<path>/main.ts` → `<path>`, e.g. `finesse`, `gadgets/callcontrol`. */
async function bundleNames(dir = DESKTOP, prefix = ''): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules') continue;
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    const children = await readdir(path.join(dir, entry.name));
    if (children.includes('main.ts')) names.push(name);
    names.push(...await bundleNames(path.join(dir, entry.name), name));
  }
  return names.sort();
}

async function buildBundle(name: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: DESKTOP,
    build: {
      outDir: DIST,
      emptyOutDir: false,
      sourcemap: true,
      minify: true,
      target: 'es2020',
      lib: {
        entry: path.join(DESKTOP, name, 'main.ts'),
        formats: ['iife'],
        name: `poise_${name.replaceAll(/[^A-Za-z0-9]/g, '_')}`,
        fileName: () => `${name}.js`,
        cssFileName: name,
      },
    },
  });
}

/** Libraries also built as ES modules, for code that imports them (a Poise extension): entry → output file. */
const ES_MODULES: ReadonlyArray<{ entry: string; out: string }> = [{ entry: 'finesse/library.ts', out: 'finesse.mjs' }];

async function buildModule({ entry, out }: { entry: string; out: string }): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: DESKTOP,
    build: {
      outDir: DIST, emptyOutDir: false, sourcemap: true, minify: true, target: 'es2020',
      lib: { entry: path.join(DESKTOP, entry), formats: ['es'], fileName: () => out },
    },
  });
}

const started = performance.now();
const names = await bundleNames();
for (const name of names) await buildBundle(name);
for (const module of ES_MODULES) await buildModule(module);
console.log(`desktop: ${names.length} bundles and ${ES_MODULES.length} ES module in ${Math.round(performance.now() - started)} ms → ${path.relative(process.cwd(), DIST)}`);

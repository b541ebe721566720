// Bundles the newsroom editor into one script and one stylesheet: node build.mjs OUTDIR.
// Spring serves OUTDIR (target/classes/static/editor) under /assets/editor/ with content-hashed URLs.
import { build } from 'esbuild';

const outdir = process.argv[2] ?? 'dist';
await build({
  entryPoints: [{ in: 'src/main.js', out: 'editor' }, { in: 'src/editor.css', out: 'editor' }],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'none',
  outdir,
  logLevel: 'warning',
});

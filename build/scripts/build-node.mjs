// Bundles the Node-side entries (Electron main, preload, command line, web host) with esbuild.
import { build } from 'esbuild';
import { targets } from './esbuild-targets.mjs';

await Promise.all(Object.values(targets).map((t) => build(t)));

import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const renderer = path.resolve(import.meta.dirname, '../renderer');

export default defineConfig({
  root: renderer,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, '../dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
});

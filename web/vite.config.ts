import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true },
  // `pnpm --filter @pcmt/web dev` next to `pnpm dev`: the API stays on its own port.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});

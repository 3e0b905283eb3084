import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { VantResolver } from '@vant/auto-import-resolver';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import Components from 'unplugin-vue-components/vite';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.mts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The faces of the front end: one entry each, so a screen loads only what it draws. */
const faces = ['kiosk', 'm', 'staff', 'employer'] as const;

/**
 * The pages, built to dist/client and served by apps/web. Components of Vant (phones) and Element
 * Plus (desks) are imported where used, so neither reaches a face that does not use it.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  resolve: {
    alias: {
      // The pure rules of libs/domain (never its validation decorators, which pull class-validator in).
      '@lingong/domain': here('../../../libs/domain/src/rules.ts'),
      // The error codes the API answers (plain data, no imports).
      '@lingong/error-codes': here('../../../libs/platform/src/errors/error-codes.ts'),
      '@shared': here('./shared'),
    },
  },
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  plugins: [
    vue(),
    Components({ dts: false, dirs: [], resolvers: [VantResolver(), ElementPlusResolver({ importStyle: 'css' })] }),
    precompress(),
    {
      // Vant's icon font falls back to a copy on a third-party CDN: pages load nothing from elsewhere
      // (the CSP refuses it anyway), so the fallback goes and the inlined font stays.
      name: 'lingong-no-third-party-fonts',
      enforce: 'pre',
      transform(code, id) {
        if (!/vant[\\/]es[\\/]icon[\\/]index\.css$/.test(id)) return null;
        return code.replace(/,\s*url\(\/\/at\.alicdn\.com[^)]*\)\s*format\("[^"]*"\)/g, '');
      },
    },
  ],
  build: {
    outDir: here('../../../dist/client'),
    emptyOutDir: true,
    target: 'es2020',
    // Phones on slow networks: no source maps shipped, hashed names cached for a year.
    sourcemap: false,
    // Read by the size report (scripts/client-size-report.ts): what each face loads first.
    manifest: true,
    assetsInlineLimit: 2048,
    rolldownOptions: {
      // A 2-core machine is slow; the build is still seconds. No timing warnings in every run.
      checks: { bundlerTimings: false },
      input: Object.fromEntries(faces.map((face) => [face, here(`./${face}/index.html`)])),
    },
  },
});

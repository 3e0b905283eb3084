import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * What each face loads before it can draw its first view (its entry's JS and CSS and everything
 * they import statically; not the pages loaded later), compressed as the front door serves it,
 * against the budgets of issue 9: phones on a slow 3G connection, a kiosk on the hall's network;
 * and of issue 10: the staff desks (Element Plus) on the market's own network, the employer's pages on a phone like /m.
 */
export const budgets: Record<string, number> = { m: 200_000, kiosk: 150_000, staff: 400_000, employer: 200_000 };

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  isEntry?: boolean;
}

export interface FaceSize {
  face: string;
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
  budget: number | undefined;
}

export function measureFaces(clientDir = resolve('dist/client')): FaceSize[] {
  const manifestPath = join(clientDir, '.vite/manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No build at ${clientDir}: run npm run build:client`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const size = (file: string) => (existsSync(join(clientDir, file)) ? statSync(join(clientDir, file)).size : 0);
  return Object.entries(manifest)
    .filter(([key, chunk]) => chunk.isEntry && key.endsWith('index.html'))
    .map(([key]) => {
      const face = key.split('/').at(-2)!;
      const files = new Set<string>();
      const visit = (name: string) => {
        const chunk = manifest[name]!;
        if (files.has(chunk.file)) return;
        files.add(chunk.file);
        chunk.css?.forEach((css) => files.add(css));
        chunk.imports?.forEach(visit);
      };
      visit(key);
      const list = [...files];
      return {
        face,
        files: list,
        raw: list.reduce((sum, file) => sum + size(file), 0),
        gzip: list.reduce((sum, file) => sum + size(`${file}.gz`), 0),
        brotli: list.reduce((sum, file) => sum + size(`${file}.br`), 0),
        budget: budgets[face],
      };
    })
    .sort((a, b) => a.face.localeCompare(b.face));
}

/** Over budget when the gzip size is (every browser takes gzip; brotli, smaller, is shown beside it). */
export const overBudget = (size: FaceSize) => size.budget !== undefined && size.gzip > size.budget;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

if (require.main === module) {
  const sizes = measureFaces();
  console.log('\nFirst view of each face (JS + CSS), compressed:');
  console.log(['face', 'raw', 'gzip', 'brotli', 'budget', ''].map((cell) => cell.padEnd(10)).join(''));
  for (const size of sizes) {
    const verdict = size.budget === undefined ? '' : overBudget(size) ? 'OVER BUDGET' : 'ok';
    console.log(
      [`/${size.face}`, kb(size.raw), kb(size.gzip), kb(size.brotli), size.budget ? kb(size.budget) : '–', verdict]
        .map((cell) => cell.padEnd(10))
        .join(''),
    );
  }
  if (sizes.some(overBudget)) {
    console.error('\nA face is over its budget (issue 9): load less before the first view.');
    process.exit(1);
  }
}

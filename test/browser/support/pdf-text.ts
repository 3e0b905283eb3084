import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Reads a PDF's text with unpdf (PDF.js) in a Node of its own: unpdf is an ES module, which Jest's CommonJS runtime cannot load. */
const reader = `
import { extractText, getDocumentProxy } from 'unpdf';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
const { totalPages, text } = await extractText(pdf, { mergePages: true });
process.stdout.write(JSON.stringify({ pages: totalPages, text }));
`;

export function pdfText(pdf: Buffer): { pages: number; text: string } {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', reader], {
    input: pdf,
    cwd: resolve(__dirname, '../../..'),
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(output.toString('utf8')) as { pages: number; text: string };
}

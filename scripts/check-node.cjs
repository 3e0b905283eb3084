// `npm test` and `npm run demo` run on the Node 24 that `npm ci` puts in node_modules/.bin; this
// says so plainly when something else (a system Node 20) would run them instead.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`Lingong needs Node.js 24 (this is ${process.version}). Run \`npm ci\` first: it installs Node 24 into node_modules/.bin, which npm scripts use.`);
  process.exit(1);
}

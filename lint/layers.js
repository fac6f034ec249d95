// The import boundaries of the source tree, as an ESLint rule: each process keeps to its own
// folder and domain/, and the renderer's layers import only the layers below them
// (docs/ARCHITECTURE.md, "Layers"). Only relative imports are checked: packages are not layers.
import path from 'node:path';

/** The renderer's layers, top to bottom: a file may import its own layer and those below. */
export const rendererLayers = [
  { name: 'app', paths: ['renderer/src/app/', 'renderer/src/main.tsx'] },
  { name: 'features', paths: ['renderer/src/features/'] },
  { name: 'session', paths: ['renderer/src/session/'] },
  { name: 'sync', paths: ['renderer/src/sync/'] },
  { name: 'db', paths: ['renderer/src/db/'] },
  { name: 'shared', paths: ['renderer/src/shared/', 'renderer/src/i18n/'] },
  { name: 'domain', paths: ['domain/'] },
];

/** Each process's code, and the folders it may import from. */
export const processBoundaries = [
  { name: 'domain', paths: ['domain/'], mayImport: ['domain/'] },
  { name: 'electron', paths: ['electron/'], mayImport: ['electron/', 'domain/'] },
  { name: 'renderer', paths: ['renderer/'], mayImport: ['renderer/', 'domain/'] },
  { name: 'server', paths: ['server/'], mayImport: ['server/', 'domain/'] },
];

const within = (file, paths) => paths.some((p) => file === p || file.startsWith(p));
const layerIndex = (file) => rendererLayers.findIndex((layer) => within(file, layer.paths));

/** Why `from` may not import `to` (both relative to the repository root), or null when it may. */
export function boundaryProblem(from, to) {
  const process = processBoundaries.find((p) => within(from, p.paths));
  if (process && !within(to, process.mayImport)) {
    return `${process.name} code may import only ${process.mayImport.join(' and ')}, not ${to}`;
  }
  const fromLayer = layerIndex(from);
  const toLayer = layerIndex(to);
  if (fromLayer >= 0 && toLayer >= 0 && toLayer < fromLayer) {
    const upper = rendererLayers[toLayer].name;
    const lower = rendererLayers[fromLayer].name;
    return `the ${lower} layer may not import the ${upper} layer above it (${to})`;
  }
  return null;
}

const toPosix = (p) => p.split(path.sep).join('/');

/** @type {import('eslint').Rule.RuleModule} */
const downwardOnly = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports cross no process boundary and point only down the layers' },
    messages: { upward: '{{problem}} (docs/ARCHITECTURE.md, Layers).' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const from = toPosix(path.relative(root, context.filename));
    function check(node) {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      if (!source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source.value);
      const problem = boundaryProblem(from, toPosix(path.relative(root, target)));
      if (problem) context.report({ node: source, messageId: 'upward', data: { problem } });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export const layersPlugin = { rules: { 'downward-only': downwardOnly } };

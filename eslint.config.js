import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { layersPlugin } from './lint/layers.js';

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/unit/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // domain/ is shared by every process: it must not reach for DOM, Node or Electron.
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'electron', 'react', 'react-dom', 'dexie', 'fastify', 'pg'] },
      ],
    },
  },
  {
    // Each process imports only its own folder and domain/; the renderer's layers import only
    // downwards (lint/layers.js lists them; docs/ARCHITECTURE.md explains them).
    files: ['domain/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'server/**/*.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/downward-only': 'error' },
  },
  {
    // Screens reach data through hooks and repository functions (renderer/src/db), never Dexie.
    files: ['renderer/src/app/**/*.{ts,tsx}', 'renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'dexie', message: 'Read and write through renderer/src/db.' }] },
      ],
    },
  },
);

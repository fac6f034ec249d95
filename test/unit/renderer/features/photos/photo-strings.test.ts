import { describe, expect, it } from 'vitest';
import {
  cameraErrorKeys,
  photoErrorKeys,
} from '../../../../../renderer/src/features/photos/photo-strings';
import { createI18n, resources } from '../../../../../renderer/src/i18n/i18n';

// The feature's sources as text, through Vite (the renderer tests have no Node types).
const sources = import.meta.glob<string>('../../../../../renderer/src/features/photos/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const languages = ['zh-CN', 'en'] as const;

/** Whether `key` has its own text in `language`'s locale file (not a fallback to the other). */
function hasText(language: (typeof languages)[number], key: string): boolean {
  const text = key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null ? (node as never)[part] : undefined,
      resources[language].translation,
    );
  return typeof text === 'string' && text.trim() !== '';
}

describe('photo texts', () => {
  it('has a text in both locales for every key the photo components use', () => {
    const used = new Set<string>();
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    for (const source of Object.values(sources)) {
      for (const match of source.matchAll(/'(photos\.[\w.]+)'/g)) used.add(match[1]!);
      // Keys built from a stage name: photos.status.${stage}.
      if (source.includes('`photos.status.${')) {
        for (const stage of ['queued', 'processing', 'storing']) used.add(`photos.status.${stage}`);
      }
    }
    expect(used.size).toBeGreaterThan(20);
    for (const language of languages) {
      expect(
        [...used].filter((key) => !hasText(language, key)),
        language,
      ).toEqual([]);
    }
  });

  it('names an existing text for every photo and camera error', () => {
    const keys = [...Object.values(photoErrorKeys), ...Object.values(cameraErrorKeys)];
    for (const language of languages) {
      expect(
        keys.filter((key) => !hasText(language, key)),
        language,
      ).toEqual([]);
    }
    expect(createI18n('en').t(photoErrorKeys['too-large'], { max: 50 })).toBe(
      'The file is larger than 50 MB',
    );
  });
});

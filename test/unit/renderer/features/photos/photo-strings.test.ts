import { describe, expect, it } from 'vitest';
import {
  photoResources,
  photoStrings,
} from '../../../../../renderer/src/features/photos/photo-strings';

// The feature's sources as text, through Vite (the renderer tests have no Node types).
const sources = import.meta.glob<string>('../../../../../renderer/src/features/photos/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{(\w+)}}/g)].map((match) => match[1]!).sort();
}

describe('photoStrings', () => {
  it('has each key once, with both texts and the same placeholders', () => {
    const keys = photoStrings.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of photoStrings) {
      expect(entry['zh-CN'].trim(), entry.key).not.toBe('');
      expect(entry.en.trim(), entry.key).not.toBe('');
      expect(placeholders(entry['zh-CN']), entry.key).toEqual(placeholders(entry.en));
    }
  });

  it('nests into locale resources of the same shape in both languages', () => {
    const zh = photoResources('zh-CN');
    const en = photoResources('en');
    expect(Object.keys(zh)).toEqual(['photos']);
    expect(JSON.stringify(Object.keys(en.photos as object))).toBe(
      JSON.stringify(Object.keys(zh.photos as object)),
    );
    expect((en.photos as Record<string, Record<string, string>>).viewer?.next).toBe('Next');
    expect((zh.photos as Record<string, Record<string, string>>).viewer?.next).toBe('下一张');
  });

  it('lists every key the photo components use', () => {
    const keys = new Set<string>(photoStrings.map((entry) => entry.key));
    const used = new Set<string>();
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    for (const source of Object.values(sources)) {
      for (const match of source.matchAll(/\bt\(\s*'(photos\.[\w.]+)'/g)) used.add(match[1]!);
      // Keys built from a stage name: photos.status.${stage}.
      if (source.includes('`photos.status.${')) {
        for (const stage of ['queued', 'processing', 'storing']) used.add(`photos.status.${stage}`);
      }
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((key) => !keys.has(key))).toEqual([]);
  });
});

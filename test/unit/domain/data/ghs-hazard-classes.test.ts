import { describe, expect, it } from 'vitest';
import {
  ghsClassificationSchema,
  ghsClassificationText,
} from '../../../../domain/data/ghs-hazard-classes';

const messages = (input: unknown): string[] => {
  const result = ghsClassificationSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('ghsClassificationSchema', () => {
  it('accepts a class with one of its categories, and a route for acute toxicity only', () => {
    expect(messages({ class: 'flammableLiquid', category: '2' })).toEqual([]);
    expect(messages({ class: 'organicPeroxide', category: 'F' })).toEqual([]);
    expect(messages({ class: 'acuteToxicity', category: '1', route: 'inhalation' })).toEqual([]);
  });

  it('refuses a category the class does not have', () => {
    expect(messages({ class: 'flammableLiquid', category: '5' })).toEqual(['ghs.category']);
    expect(messages({ class: 'explosive', category: '1.7' })).toEqual(['ghs.category']);
  });

  it('refuses acute toxicity without a route, and a route on any other class', () => {
    expect(messages({ class: 'acuteToxicity', category: '2' })).toEqual(['ghs.route']);
    expect(messages({ class: 'flammableGas', category: '1', route: 'oral' })).toEqual([
      'ghs.route',
    ]);
  });

  it('refuses a class it does not know', () => {
    expect(messages({ class: 'radioactive', category: '1' })).not.toEqual([]);
  });

  it('writes a classification as the working shows it', () => {
    expect(
      ghsClassificationText({ class: 'acuteToxicity', category: '2', route: 'inhalation' }),
    ).toBe('acuteToxicity 2 (inhalation)');
    expect(ghsClassificationText({ class: 'flammableLiquid', category: '1' })).toBe(
      'flammableLiquid 1',
    );
  });
});

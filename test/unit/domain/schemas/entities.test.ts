import { describe, expect, it } from 'vitest';
import { entityNames, entitySchemas } from '../../../../domain/schemas/entities';

describe('entitySchemas', () => {
  it('has exactly one schema per wire entity name', () => {
    expect(Object.keys(entitySchemas).sort()).toEqual([...entityNames].sort());
  });
});

import { camelCase, isIdentifier, kebabCase, NameScope, pascalCase, propertyNameFor } from './names';

describe('names', () => {
  it('spells database names as classes, properties and files', () => {
    expect(pascalCase('card_statistics', 'T')).toBe('CardStatistics');
    expect(pascalCase('userDeck progress', 'T')).toBe('UserDeckProgress');
    expect(pascalCase('2fa_codes', 'Table')).toBe('Table2faCodes');
    expect(pascalCase('σημειώσεις', 'T')).toBe('Σημειώσεις');
    expect(pascalCase('***', 'Table')).toBe('Table');
    expect(camelCase('owner_id', 'x')).toBe('ownerId');
    expect(camelCase('1st', 'x')).toBe('_1st');
    expect(kebabCase('CardStatistics')).toBe('card-statistics');
    expect(kebabCase('Table2faCodes')).toBe('table2fa-codes');
  });

  it('keeps a column name that is an identifier as the property, and camel-cases one that is not', () => {
    expect(propertyNameFor('created_at')).toBe('created_at');
    expect(propertyNameFor('ünïcode')).toBe('ünïcode');
    expect(propertyNameFor('(x)')).toBe('x');
    expect(propertyNameFor('Opened At')).toBe('openedAt');
    expect(propertyNameFor('weird "name"\\')).toBe('weirdName');
    expect(isIdentifier('a-b')).toBe(false);
  });

  it('hands out unique names: reserved ones and taken ones are skipped', () => {
    const scope = new NameScope(['Index']);
    expect(scope.claim('Index', 'IndexEntity')).toBe('IndexEntity');
    expect(scope.claim('Index', 'IndexEntity')).toBe('Index2');
    expect(scope.claim('Users')).toBe('Users');
    expect(scope.claim('Users')).toBe('Users2');
    const files = new NameScope(['enums'], true);
    expect(files.claim('Enums', 'enums-entity')).toBe('enums-entity');
  });
});

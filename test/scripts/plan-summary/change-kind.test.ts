import { ALLOWED_ACTION_LISTS, changeColumn, changeKind, destroysExistingObject, isListed } from '../../../scripts/plan-summary/change-kind';

describe('changeKind', () => {
  test.each([
    [['create'], 'create'],
    [['update'], 'update'],
    [['delete'], 'delete'],
    [['delete', 'create'], 'replace-delete-first'],
    [['create', 'delete'], 'replace-create-first'],
    [['no-op'], 'no-op'],
    [['read'], 'read'],
    [['forget'], 'forget'],
    [['create', 'forget'], 'replace-forget-old'],
  ])('reads Terraform action list %j as %s', (actions, kind) => {
    expect(changeKind(actions)).toBe(kind);
  });

  test.each([[[]], [['destroy']], [['create', 'create']], [['delete', 'update']]])('does not accept %j, which Terraform never writes', (actions) => {
    expect(changeKind(actions)).toBeUndefined();
  });

  test('lists every accepted action list for error messages', () => {
    expect(ALLOWED_ACTION_LISTS).toEqual(expect.arrayContaining(['["delete","create"]', '["create","delete"]', '["no-op"]']));
  });
});

describe('changeColumn', () => {
  test('counts both replacement orders as replacements', () => {
    expect([changeColumn('replace-delete-first'), changeColumn('replace-create-first')]).toEqual(['replace', 'replace']);
  });

  test('counts no-op and data-source reads as unchanged', () => {
    expect([changeColumn('no-op'), changeColumn('read')]).toEqual(['unchanged', 'unchanged']);
  });

  test('counts create, update and delete as add, change and destroy', () => {
    expect([changeColumn('create'), changeColumn('update'), changeColumn('delete')]).toEqual(['add', 'change', 'destroy']);
  });
});

describe('destroysExistingObject', () => {
  test('is true for a delete and for both replacement orders', () => {
    expect(['delete', 'replace-delete-first', 'replace-create-first'].map((kind) => destroysExistingObject(kind as never))).toEqual([true, true, true]);
  });

  test('is false for forget, which keeps the object and only drops it from state', () => {
    expect(destroysExistingObject('forget')).toBe(false);
  });
});

describe('isListed', () => {
  test('leaves no-op resources out of the resource list', () => {
    expect(isListed('no-op')).toBe(false);
  });

  test('lists data-source reads', () => {
    expect(isListed('read')).toBe(true);
  });
});

/**
 * What Terraform will do to one resource instance, from `resource_changes[].change.actions` of
 * `terraform show -json` (Terraform's documented JSON output format, plus the `forget` actions of
 * `removed` blocks since Terraform 1.7).
 */
export type ChangeKind =
  | 'create'
  | 'update'
  | 'delete'
  | 'replace-delete-first'
  | 'replace-create-first'
  | 'replace-forget-old'
  | 'forget'
  | 'read'
  | 'no-op';

/** Every action list Terraform writes, as it writes it (order matters: it is the replacement order). */
const KIND_BY_ACTIONS: ReadonlyMap<string, ChangeKind> = new Map<string, ChangeKind>([
  ['no-op', 'no-op'],
  ['create', 'create'],
  ['read', 'read'],
  ['update', 'update'],
  ['delete', 'delete'],
  ['delete,create', 'replace-delete-first'],
  ['create,delete', 'replace-create-first'],
  ['create,forget', 'replace-forget-old'],
  ['forget', 'forget'],
]);

/** The action lists `changeKind` accepts, for error messages. */
export const ALLOWED_ACTION_LISTS: readonly string[] = [...KIND_BY_ACTIONS.keys()].map((key) => JSON.stringify(key.split(',')));

/** The kind of an action list, or undefined when Terraform never writes that list. */
export function changeKind(actions: readonly string[]): ChangeKind | undefined {
  return KIND_BY_ACTIONS.get(actions.join(','));
}

/** The column of the summary table a kind is counted in; `unchanged` covers no-op and data-source reads. */
export type ChangeColumn = 'add' | 'change' | 'replace' | 'destroy' | 'forget' | 'unchanged';

export const CHANGE_COLUMNS: readonly ChangeColumn[] = ['add', 'change', 'replace', 'destroy', 'forget', 'unchanged'];

const COLUMN_BY_KIND: Readonly<Record<ChangeKind, ChangeColumn>> = {
  create: 'add',
  update: 'change',
  delete: 'destroy',
  'replace-delete-first': 'replace',
  'replace-create-first': 'replace',
  // Terraform reports create-then-forget as a replacement (the old object is kept but no longer managed).
  'replace-forget-old': 'replace',
  forget: 'forget',
  read: 'unchanged',
  'no-op': 'unchanged',
};

export function changeColumn(kind: ChangeKind): ChangeColumn {
  return COLUMN_BY_KIND[kind];
}

/** True when applying destroys the existing object: a delete or any replacement that deletes. */
export function destroysExistingObject(kind: ChangeKind): boolean {
  return kind === 'delete' || kind === 'replace-delete-first' || kind === 'replace-create-first';
}

/** Whether the resource list shows a kind: everything that changes something or reads a data source. */
export function isListed(kind: ChangeKind): boolean {
  return kind !== 'no-op';
}

/** The symbol `terraform plan` prints for a kind, so the list reads like Terraform's own output. */
const SYMBOL_BY_KIND: Readonly<Record<ChangeKind, string>> = {
  create: '+',
  update: '~',
  delete: '-',
  'replace-delete-first': '-/+',
  'replace-create-first': '+/-',
  'replace-forget-old': '+/.',
  forget: '.',
  read: '<=',
  'no-op': ' ',
};

export function changeSymbol(kind: ChangeKind): string {
  return SYMBOL_BY_KIND[kind];
}

const DESCRIPTION_BY_KIND: Readonly<Record<ChangeKind, string>> = {
  create: 'create',
  update: 'update in place',
  delete: 'destroy',
  'replace-delete-first': 'replace (destroy, then create)',
  'replace-create-first': 'replace (create, then destroy)',
  'replace-forget-old': 'replace (create, then forget the old object)',
  forget: 'forget (removed from state, not destroyed)',
  read: 'read data source',
  'no-op': 'no change',
};

export function describeChange(kind: ChangeKind): string {
  return DESCRIPTION_BY_KIND[kind];
}

const LEGEND_LABELS: ReadonlyArray<[ChangeKind, string]> = [
  ['create', 'create'],
  ['update', 'update'],
  ['delete', 'destroy'],
  ['replace-delete-first', 'replace, destroy first'],
  ['replace-create-first', 'replace, create first'],
  ['forget', 'forget'],
  ['read', 'read'],
];

/** One legend line for the resource list. */
export const CHANGE_LEGEND = LEGEND_LABELS.map(([kind, label]) => `${changeSymbol(kind)} ${label}`).join('   ');

import { resolve } from 'node:path';

// The files this backend exported in this session: the web host's download route serves these and
// nothing else, so a token holder cannot read arbitrary paths through it.
const exported = new WeakMap<object, Set<string>>();

export function rememberExport(owner: object, path: string): void {
  let set = exported.get(owner);
  if (!set) exported.set(owner, (set = new Set()));
  set.add(resolve(path));
}

export function isExportedFile(owner: object, path: string): boolean {
  return exported.get(owner)?.has(resolve(path)) ?? false;
}

/**
 * Whether `value` is an object literal's kind (its prototype is Object.prototype), of this realm or another: under
 * jest or `vm`, an object parsed from JSON has the other realm's Object.prototype. Class instances, arrays, null-
 * prototype objects and the like are not.
 */
export function isObjectLiteral(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype) return true;
  return (
    typeof prototype === 'object' &&
    prototype !== null &&
    Object.getPrototypeOf(prototype) === null &&
    (prototype as { constructor?: { name?: string } }).constructor?.name === 'Object'
  );
}

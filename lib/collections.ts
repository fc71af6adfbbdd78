// Grouping into a Map of lists (Map.groupBy arrives with Node 21).

/** Appends `value` to the list under `key`, creating it. In place: copying the list on every append made grouping quadratic. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

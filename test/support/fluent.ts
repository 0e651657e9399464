import { FluentResource } from '@fluent/bundle';

/** Message id → the variables it uses, read from Fluent's own parse of the file. */
export function variablesByMessage(source: string): Map<string, Set<string>> {
  const resource = new FluentResource(source) as unknown as { body: { id: string; value: unknown }[] };
  const result = new Map<string, Set<string>>();
  for (const message of resource.body) {
    const found = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (record.type === 'var' && typeof record.name === 'string') found.add(record.name);
        Object.values(record).forEach(walk);
      }
    };
    walk(message.value);
    result.set(message.id, found);
  }
  return result;
}

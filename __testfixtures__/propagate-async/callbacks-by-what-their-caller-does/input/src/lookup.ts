const labels = new Map<string, string>([['a', 'Alpha']]);

// made async by hand (the run is told with --async); its callers are for awaitify
export async function loadLabel(key: string): Promise<string> {
  return labels.get(key) ?? key;
}

export function loadTitle(key: string): string {
  return `Title ${key}`;
}

export function loadNote(key: string): string {
  return `Note ${key}`;
}

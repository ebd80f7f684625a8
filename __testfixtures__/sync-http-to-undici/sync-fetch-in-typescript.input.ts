import fetch from 'sync-fetch';

interface Release {
  tag: string;
}

export function latestTag(repoUrl: string): string | null {
  const res = fetch(`${repoUrl}/releases/latest`, { headers: { accept: 'application/json' } });
  if (res.status === 404) {
    return null;
  }
  return (res.json() as Release).tag;
}

export function releaseCount(repoUrl: string): number {
  const releases = fetch(`${repoUrl}/releases`).json();
  return releases.length;
}

import { fetch } from 'undici';

interface Release {
  tag: string;
}

export async function latestTag(repoUrl: string): Promise<string | null> {
  const res = await fetch(`${repoUrl}/releases/latest`, { headers: { accept: 'application/json' } });
  if (res.status === 404) {
    return null;
  }
  return (await res.json() as Release).tag;
}

export async function releaseCount(repoUrl: string): Promise<number> {
  const releases = await (await fetch(`${repoUrl}/releases`)).json();
  return releases.length;
}

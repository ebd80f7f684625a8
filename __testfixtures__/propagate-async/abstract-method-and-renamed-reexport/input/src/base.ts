export abstract class Loader {
  abstract load(path: string): string;

  loadAll(paths: string[]): string[] {
    const pages: string[] = [];
    for (const path of paths) {
      pages.push(this.load(path));
    }
    return pages;
  }
}

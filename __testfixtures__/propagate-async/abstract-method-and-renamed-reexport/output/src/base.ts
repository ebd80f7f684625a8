export abstract class Loader {
  abstract load(path: string): Promise<string>;

  async loadAll(paths: string[]): Promise<string[]> {
    const pages: string[] = [];
    for (const path of paths) {
      pages.push(await this.load(path));
    }
    return pages;
  }
}

import type { TransformRegistry } from '../../cli/io';
import type { Transform } from '../../transforms/shared/types';

export declare const renameOldName: Transform;
export declare function buildTestRegistry(usageError: new (message: string) => Error): TransformRegistry;

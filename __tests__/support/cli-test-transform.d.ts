import type { TransformRegistry } from '../../transforms/registry';
import type { Transform } from '../../transforms/shared/types';

export declare const renameOldName: Transform;
export declare function buildTestRegistry(usageError: new (message: string) => Error): TransformRegistry;

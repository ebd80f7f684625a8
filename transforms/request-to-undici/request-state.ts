/**
 * What the conversions of one file share: sync-http-to-undici's conversion state (the jscodeshift API,
 * the file's quote, code built from snippets), the names the generated arrows use, and what the
 * helper must hold for the calls converted so far.
 */
import type { Collection, JSCodeshift } from 'jscodeshift';
import type { TransformContext } from '../shared/types';
import { createConversionState, type ConversionState } from '../sync-http-to-undici/conversion-state';
import type { HelperFeature } from './helper-parts';

export interface RequestState extends ConversionState {
  names: { response: string; error: string };
  needs: {
    features: Set<HelperFeature>;
    sendRequest: boolean;
    sendRequestPromise: boolean;
    sendRequestWithCallback: boolean;
  };
}

export function createRequestState(j: JSCodeshift, root: Collection, context: TransformContext): RequestState {
  return {
    ...createConversionState(j, root, context),
    names: { response: 'response', error: 'error' },
    needs: { features: new Set(), sendRequest: false, sendRequestPromise: false, sendRequestWithCallback: false },
  };
}

// Forbidden: src/ → test/.
import { helper } from '../../test/helper.ts';

export const usesTest = helper;

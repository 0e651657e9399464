// Forbidden: parse → an npm package.
import 'zod';

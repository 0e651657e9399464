// Allowed: commands → core, services. Forbidden: commands → db.
import '../src/core/types.ts';
import '../src/services/y.ts';
import '../src/db/repo.ts';

// Allowed: core → core, services. Forbidden: core → commands.
import './types.ts';
import '../services/y.ts';
import '../../commands/index.ts';

// Allowed: cli → app, cli/. Forbidden: cli → db.
import './app/main.ts';
import './cli/calc.ts';
import './db/repo.ts';

// Forbidden: an import that resolves to nothing.
import './nowhere.ts';

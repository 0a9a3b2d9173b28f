// Vitest stand-in for the 'server-only' guard (it throws outside React Server Components).
export {};

#!/usr/bin/env node
// Package bin: registers tsx in this process and runs the TypeScript CLI (the project runs its sources).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');

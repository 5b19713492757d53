import { defineConfig } from 'tsup';
import { browserBuild } from './browserBuild';

/** The browser build alone (the bundle-size spec builds it in seconds, without declarations). */
export default defineConfig(browserBuild);

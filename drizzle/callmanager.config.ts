import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/callmanager/schema.ts',
  out: './drizzle/callmanager',
});

// The web service's part of the demo contact center (demo-contact-center.ts), written once on first start:
// reason codes, wrap-up reasons, the default media properties layout and the default desktop layout.
import { eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import type { Logger } from '../../shared/logger.ts';
import { DEMO_REASON_CODES, DEMO_WRAP_UP_REASONS } from '../../shared/demo-contact-center.ts';
import { DEFAULT_LAYOUT_XML } from '../default-layout.ts';
import { webSettings } from '../schema.ts';
import type { WebConfigStore } from './index.ts';

const SEEDED = 'demo.seeded';

export async function seedWebConfiguration(db: Database, store: WebConfigStore, log: Logger): Promise<boolean> {
  const seeded = (await db.select().from(webSettings).where(eq(webSettings.key, SEEDED)))[0];
  if (seeded) return false;
  for (const rc of DEMO_REASON_CODES) await store.reasonCodes.create({ ...rc, forAll: true, systemCode: false });
  for (const label of DEMO_WRAP_UP_REASONS) await store.wrapUpReasons.create({ label, forAll: true });
  if (!(await store.mediaPropertiesLayouts.getDefault())) {
    await store.mediaPropertiesLayouts.create({
      name: 'Default Layout', description: 'The layout every call uses unless user.layout names another',
      type: 'DEFAULT',
      header: [{ displayName: 'Customer', mediaProperty: 'callVariable1', showInPopOver: true, uiEditable: false }],
      columns: [[
        { displayName: 'Called number', mediaProperty: 'dialedNumber', showInPopOver: true, uiEditable: false },
        { displayName: 'Queue', mediaProperty: 'queueName', showInPopOver: true, uiEditable: false },
      ], [
        { displayName: 'Account', mediaProperty: 'callVariable2', showInPopOver: false, uiEditable: true },
      ]],
    });
  }
  if ((await store.layoutConfigs.get()) === undefined) await store.layoutConfigs.put(DEFAULT_LAYOUT_XML);
  await db.insert(webSettings).values({ key: SEEDED, value: new Date().toISOString() });
  log.info({ reasonCodes: DEMO_REASON_CODES.length, wrapUpReasons: DEMO_WRAP_UP_REASONS.length }, 'web configuration seeded');
  return true;
}

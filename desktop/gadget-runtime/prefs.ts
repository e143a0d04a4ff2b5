// gadgets.Prefs (desktop-and-gadgets.md §3.1): the gadget's UserPref values, shared by every `new Prefs()` of
// the page so a value set through one instance is read through another (finesse.js sets `authorization`).

export interface PrefsStore {
  values: Record<string, string>;
  messages: Record<string, string>;
  moduleId: string;
  lang: string;
  country: string;
  /** Whether `set` may persist (the `setprefs` feature). */
  canSet: boolean;
  /** Tells the container of a changed value. */
  persist(name: string, value: string): void;
}

export interface Prefs {
  getString(key: string): string;
  getInt(key: string): number;
  getFloat(key: string): number;
  getBool(key: string): boolean;
  getArray(key: string): string[];
  getMsg(key: string): string;
  getLang(): string;
  getCountry(): string;
  getModuleId(): string;
  set(key: string, value: unknown, ...more: unknown[]): void;
  setArray(key: string, values: unknown[]): void;
}

export type PrefsConstructor = new (moduleId?: string | number) => Prefs;

export function prefsClass(store: PrefsStore): PrefsConstructor {
  return class GadgetPrefs implements Prefs {
    getString(key: string): string { return store.values[key] ?? ''; }
    getInt(key: string): number {
      const value = parseInt(this.getString(key), 10);
      return Number.isNaN(value) ? 0 : value;
    }
    getFloat(key: string): number {
      const value = parseFloat(this.getString(key));
      return Number.isNaN(value) ? 0 : value;
    }
    getBool(key: string): boolean {
      const value = this.getString(key).toLowerCase();
      return value === 'true' || value === '1';
    }
    getArray(key: string): string[] {
      const value = this.getString(key);
      return value === '' ? [] : value.split('|').map((item) => item.replaceAll('%7C', '|'));
    }
    getMsg(key: string): string { return store.messages[key] ?? ''; }
    getLang(): string { return store.lang; }
    getCountry(): string { return store.country; }
    getModuleId(): string { return store.moduleId; }

    /** `set(key, value[, key2, value2…])`; needs the `setprefs` feature. */
    set(key: string, value: unknown, ...more: unknown[]): void {
      const pairs: unknown[] = [key, value, ...more];
      for (let i = 0; i + 1 < pairs.length; i += 2) {
        const name = String(pairs[i]);
        const text = String(pairs[i + 1]);
        store.values[name] = text;
        if (store.canSet) store.persist(name, text);
      }
      if (!store.canSet) console.warn('gadgets.Prefs.set: the gadget does not require "setprefs"; the value is not kept');
    }

    setArray(key: string, values: unknown[]): void {
      this.set(key, values.map((v) => String(v).replaceAll('|', '%7C')).join('|'));
    }
  };
}
